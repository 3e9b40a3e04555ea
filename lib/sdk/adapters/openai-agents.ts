import type { RunContext, RunToolApprovalItem } from "@openai/agents";
import type { Authorization, WaitOptions, WardenClient } from "../client";
import { WardenError } from "../errors";
import { refusalText } from "../refusal";
import type { JsonValue } from "../types";
import { runAndReport, warnReportError } from "./report";

// OpenAI Agents SDK (`@openai/agents`). Its human-in-the-loop is `needsApproval`: the run stops
// with interruptions, the program approves or rejects each, and runs again from the state. It
// cannot change a call's arguments. Here Warden is that human:
//
//   const approvals = wardenApprovals(warden);
//   const sendEmail = tool(approvals.guard("mail.send", { name: "send_email", parameters, execute }));
//   let result = await run(agent, input);
//   while (result.interruptions?.length) result = await run(agent, await approvals.resolve(result));
//
// needsApproval asks Warden (no interruption when it says execute); resolve() waits for each
// interrupted call's decision and approves or rejects it in the run's state; execute then runs
// with the payload Warden approved — a reviewer's edit included — and reports the result.
// Only types are imported from `@openai/agents`: this file loads without it.

export type WardenApprovalsOptions = {
  /** The run the calls belong to (a function when it changes per request). */
  runId?: string | (() => string | undefined);
  /** How long resolve() waits for a reviewer per call; default 5 minutes. Still undecided: withdrawn and rejected. */
  waitMs?: number;
  onWaiting?: WaitOptions["onWaiting"];
  onReportError?: (e: unknown) => void;
};

type Execute<I, C, D, R> = (input: I, context?: C, details?: D) => R;
type Guarded<I, C, D, R, T> = T & {
  needsApproval: (runContext: RunContext, input: I, callId?: string) => Promise<boolean>;
  execute: (input: I, context?: C, details?: D) => Promise<Awaited<R>>;
};
type ApprovalState = { approve(item: RunToolApprovalItem): void; reject(item: RunToolApprovalItem, options?: { message?: string }): void };

/** Warden did not let the call through; `message` is written for the model. */
export class WardenToolRefusedError extends WardenError {
  constructor(
    message: string,
    readonly authorization: Authorization | null,
  ) {
    super(message);
  }
}

export function wardenApprovals(warden: WardenClient, opts: WardenApprovalsOptions = {}) {
  // One Warden action per tool call, by call id: needsApproval asks, resolve() waits, execute runs.
  const calls = new Map<string, { type: string; d: Authorization }>();
  const keyOf = (callId: string | undefined, input: unknown) => callId ?? `input:${JSON.stringify(input)}`;
  const onReportError = opts.onReportError ?? warnReportError;

  const ask = async (type: string, input: unknown, callId: string | undefined): Promise<Authorization> => {
    const k = keyOf(callId, input);
    const known = calls.get(k);
    if (known) return known.d;
    const runId = typeof opts.runId === "function" ? opts.runId() : opts.runId;
    const d = await warden.authorize({ type, payload: input as Record<string, JsonValue>, ...(runId ? { runId } : {}) });
    calls.set(k, { type, d });
    return d;
  };

  return {
    /** Tool options with Warden's needsApproval and an execute that uses the approved payload; pass the result to `tool()`. */
    guard<I, C, D extends { toolCall?: { callId?: string } } | undefined, R, T extends { execute: Execute<I, C, D, R> }>(type: string, options: T & { execute: Execute<I, C, D, R> }): Guarded<I, C, D, R, T> {
      const execute = options.execute;
      return {
        ...options,
        needsApproval: async (_ctx: RunContext, input: I, callId?: string) => !(await ask(type, input, callId)).executable,
        execute: async (input: I, context?: C, details?: D) => {
          const k = keyOf(details?.toolCall?.callId, input);
          const d = calls.get(k)?.d ?? null;
          calls.delete(k);
          // Approved in the run's state without Warden saying execute: fail closed.
          if (!d?.executable) throw new WardenToolRefusedError(d ? refusalText(type, d) : `Warden has no decision for this call to "${type}"; it was NOT run.`, d);
          return runAndReport(warden, d.id, () => execute(d.payload as I, context, details), onReportError);
        },
      } as Guarded<I, C, D, R, T>;
    },

    /**
     * Waits for Warden's decision on each interrupted call of a guarded tool and approves or
     * rejects it in the result's state (a rejection carries a message for the model). Returns
     * the state to run again. Interruptions of other tools are left for the caller.
     */
    async resolve<S extends ApprovalState>(result: { interruptions?: RunToolApprovalItem[]; state: S }, wait: Pick<WaitOptions, "signal"> = {}): Promise<S> {
      for (const item of result.interruptions ?? []) {
        const callId = (item.rawItem as { callId?: string }).callId;
        const k = keyOf(callId, item.arguments ? (JSON.parse(item.arguments) as unknown) : undefined);
        const call = calls.get(k);
        if (!call) continue;
        let d = call.d;
        if (d.decision === "wait" && d.id) {
          d = await warden.waitForDecision(d.id, { waitMs: opts.waitMs ?? 300_000, signal: wait.signal, onWaiting: opts.onWaiting });
          if (d.decision === "wait" && d.id) {
            // Nobody decided in time: withdraw it, unless a decision lands first.
            d = await warden.cancel(d.id, { reason: "No reviewer decided in time; the agent withdrew the call." }).then(
              () => ({ ...d, decision: "rejected" as const, status: "cancelled" as const, reason: "No reviewer decided in time; the call was withdrawn." }),
              () => warden.waitForDecision(d.id!),
            );
          }
        }
        calls.set(k, { ...call, d });
        if (d.executable) result.state.approve(item);
        else result.state.reject(item, { message: refusalText(call.type, d) });
      }
      return result.state;
    },
  };
}
