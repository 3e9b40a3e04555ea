import type { Tool, ToolExecutionOptions } from "ai";
import type { Authorization, WaitOptions, WardenClient } from "../client";
import { WardenError } from "../errors";
import { refusalText } from "../refusal";
import type { JsonValue } from "../types";
import { runAndReport, warnReportError } from "./report";

// Vercel AI SDK (`ai`, v6): wardenTool(warden, tool(...), { type }) returns the same tool whose
// execute asks Warden first — waiting for a reviewer when the type needs one — and then runs with
// the payload Warden returns, so a reviewer's edit is what executes. A call Warden does not let
// through throws WardenToolRefusedError; the AI SDK hands its message to the model as the tool's
// error, and nothing ran. Only types are imported from `ai`: this file loads without it.

export type WardenToolOptions<INPUT> = {
  /** The action type, e.g. "mail.send". */
  type: string;
  /** The run the calls belong to (a function when it changes per request). */
  runId?: string | (() => string | undefined);
  /** How long a call waits for a reviewer; default 5 minutes. The step's abort signal withdraws it. */
  waitMs?: number;
  confidence?: (input: INPUT) => number | undefined;
  rationale?: (input: INPUT) => string | undefined;
  onWaiting?: WaitOptions["onWaiting"];
  /** Where failures to report a result go; console.warn by default. */
  onReportError?: (e: unknown) => void;
};

/** Warden did not let the call through; `message` is written for the model. */
export class WardenToolRefusedError extends WardenError {
  constructor(
    message: string,
    readonly authorization: Authorization,
  ) {
    super(message);
  }
}

export function wardenTool<INPUT, OUTPUT>(warden: WardenClient, tool: Tool<INPUT, OUTPUT>, opts: WardenToolOptions<INPUT>): Tool<INPUT, OUTPUT> {
  const execute = tool.execute;
  if (!execute) throw new WardenError(`wardenTool(${opts.type}): the tool has no execute function, so there is nothing to guard`);
  const guarded = async (input: INPUT, options: ToolExecutionOptions) => {
    const runId = typeof opts.runId === "function" ? opts.runId() : opts.runId;
    const confidence = opts.confidence?.(input);
    const rationale = opts.rationale?.(input);
    const d = await warden.authorize(
      {
        type: opts.type,
        payload: input as Record<string, JsonValue>,
        ...(runId ? { runId } : {}),
        ...(confidence !== undefined ? { confidence } : {}),
        ...(rationale ? { rationale } : {}),
      },
      { waitMs: opts.waitMs ?? 300_000, signal: options.abortSignal, onWaiting: opts.onWaiting },
    );
    if (!d.executable) throw new WardenToolRefusedError(refusalText(opts.type, d), d);
    return runAndReport(warden, d.id, () => execute(d.payload as INPUT, options), opts.onReportError ?? warnReportError);
  };
  return { ...tool, execute: guarded } as Tool<INPUT, OUTPUT>;
}
