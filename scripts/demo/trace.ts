// Records a run's steps as spans through the SDK (buffered), with real wall-clock timing: each
// step takes the time it says it took, so latency percentiles and run durations agree.
import { randomUUID } from "node:crypto";
import type { SpanInput, WardenClient } from "../../lib/sdk";
import { stats } from "./stats";

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type Step = {
  kind: NonNullable<SpanInput["kind"]>;
  name: string;
  durationMs: number;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** Set: the step failed with this message (status "error"). */
  error?: string;
  input?: unknown;
  output?: unknown;
  attributes?: Record<string, unknown>;
};

export class Trace {
  readonly rootId = randomUUID();
  private readonly startedAt = new Date();

  constructor(
    private readonly warden: WardenClient,
    readonly runId: string,
    private readonly rootName: string,
  ) {}

  /** Runs a step (waits its duration) and records it under the run's root span. */
  async step(s: Step): Promise<void> {
    const start = new Date();
    await sleep(s.durationMs);
    this.record(s, start, new Date(), this.rootId);
  }

  /** Records a step that already happened (started at `start`, lasted `s.durationMs`). */
  async recordElapsed(s: Step, start: Date): Promise<void> {
    this.record(s, start, new Date(start.getTime() + s.durationMs), this.rootId);
  }

  /** Whether Warden still lets the run go on (kill switches, breakers). */
  get shouldContinue(): boolean {
    return this.warden.runSignal(this.runId).continue;
  }

  /** Closes the root span; call once, at the end of the run. */
  finish(error?: string): void {
    this.record({ kind: "other", name: this.rootName, durationMs: 0, error }, this.startedAt, new Date(), undefined, this.rootId);
  }

  private record(s: Step, start: Date, end: Date, parentId?: string, id: string = randomUUID()): void {
    stats.spans++;
    if (s.error) stats.spanErrors++;
    this.warden.recordSpans(this.runId, {
      id,
      parentId,
      kind: s.kind,
      name: s.name,
      model: s.model,
      startTime: start.toISOString(),
      endTime: end.toISOString(),
      inputTokens: s.inputTokens,
      outputTokens: s.outputTokens,
      status: s.error ? "error" : "ok",
      input: s.input,
      output: s.error ? { error: s.error } : s.output,
      attributes: s.attributes,
    });
  }
}

/** Records a step whose duration is whatever `fn` really takes (a wait for a reviewer, say). */
export async function timed<T>(trace: Trace, s: Omit<Step, "durationMs">, fn: () => Promise<T>, after: (t: T) => Partial<Step> = () => ({})): Promise<T> {
  const start = Date.now();
  const result = await fn();
  await trace.recordElapsed({ ...s, ...after(result), durationMs: Date.now() - start }, new Date(start));
  return result;
}
