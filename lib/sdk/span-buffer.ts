import { WardenApiError, WardenError } from "./errors";
import { newIdempotencyKey } from "./transport";
import type { SpanInput, SpansResult } from "./types";

export type FlushOptions = {
  /** Spans per POST; the server takes at most 1000. */
  maxBatch: number;
  /** Buffered spans are sent at least this often. */
  intervalMs: number;
  /** Beyond this many buffered spans (Warden unreachable for long), the oldest are dropped. */
  maxBuffered: number;
};

/** Whether the agent should go on with a run, from the latest batch Warden answered. */
export type RunSignal = { continue: boolean; reason: string | null };

export type FlushResult = {
  /** Spans Warden took in this flush. */
  sent: number;
  /** Spans kept for the next flush because Warden was unavailable. */
  requeued: number;
  /** Spans given up on: refused by Warden (4xx) or pushed out of a full buffer. */
  dropped: number;
};

type Entry = { runId: string; span: SpanInput };

const GO_ON: RunSignal = { continue: true, reason: null };

/**
 * Buffers spans per run and sends them in batches, by size and on an interval. Every span gets
 * an id when it has none, so a batch sent again after a failure is deduplicated by the server.
 */
export class SpanBuffer {
  private queue: Entry[] = [];
  private readonly signals = new Map<string, RunSignal>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private scheduled = false;
  private overflowed = 0;

  constructor(
    private readonly send: (runId: string, spans: SpanInput[], idempotencyKey: string) => Promise<SpansResult>,
    private readonly opts: FlushOptions,
    private readonly onError: (error: WardenError) => void,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  signal(runId: string): RunSignal {
    return this.signals.get(runId) ?? GO_ON;
  }

  add(runId: string, spans: readonly SpanInput[]): RunSignal {
    for (const span of spans) this.queue.push({ runId, span: { ...span, id: span.id ?? newIdempotencyKey() } });
    const excess = this.queue.length - this.opts.maxBuffered;
    if (excess > 0) {
      this.queue.splice(0, excess);
      this.overflowed += excess;
      this.onError(new WardenError(`Span buffer full (${this.opts.maxBuffered}); dropped the ${excess} oldest span(s).`));
    }
    this.startTimer();
    if (this.queue.length >= this.opts.maxBatch && !this.scheduled) {
      this.scheduled = true;
      setTimeout(() => void this.flush(), 0);
    }
    return this.signal(runId);
  }

  /** Sends everything buffered now; flushes never overlap. Never throws: failures go to onError. */
  flush(): Promise<FlushResult> {
    const next = this.chain.then(() => this.flushOnce());
    this.chain = next.catch(() => {});
    return next;
  }

  /** Stops the timer and sends what is left. */
  async close(): Promise<FlushResult> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.flush();
  }

  private startTimer() {
    if (this.timer || this.opts.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.queue.length > 0) void this.flush();
    }, this.opts.intervalMs);
    // Buffered telemetry must not keep an agent's process alive; call shutdown() to send the rest.
    this.timer.unref?.();
  }

  private async flushOnce(): Promise<FlushResult> {
    this.scheduled = false;
    const taken = this.queue;
    this.queue = [];
    const result: FlushResult = { sent: 0, requeued: 0, dropped: this.overflowed };
    this.overflowed = 0;

    const byRun = new Map<string, SpanInput[]>();
    for (const e of taken) {
      const list = byRun.get(e.runId);
      if (list) list.push(e.span);
      else byRun.set(e.runId, [e.span]);
    }
    const requeue: Entry[] = [];
    await Promise.all(
      [...byRun].map(async ([runId, spans]) => {
        for (let i = 0; i < spans.length; i += this.opts.maxBatch) {
          const batch = spans.slice(i, i + this.opts.maxBatch);
          try {
            const res = await this.send(runId, batch, newIdempotencyKey());
            result.sent += batch.length;
            this.signals.set(runId, { continue: res.continue, reason: res.reason });
          } catch (err) {
            const error = err instanceof WardenError ? err : new WardenError(String(err), { cause: err });
            this.onError(error);
            const rest = spans.slice(i);
            if (error instanceof WardenApiError) {
              // Refused for good (invalid spans, unknown run): sending it again cannot help.
              const lost = error.status === 404 ? rest.length : batch.length;
              result.dropped += lost;
              if (error.status === 404) return;
              continue;
            }
            for (const span of rest) requeue.push({ runId, span });
            result.requeued += rest.length;
            return;
          }
        }
      }),
    );
    // Kept spans go ahead of the ones recorded meanwhile, so a run's spans stay in order.
    this.queue = [...requeue, ...this.queue];
    return result;
  }
}
