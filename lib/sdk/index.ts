/**
 * Warden SDK for agents (Node ≥ 20; only `fetch` and Node built-ins at runtime).
 *
 * ```ts
 * import { createClient } from "warden/lib/sdk";
 *
 * const warden = createClient({ baseUrl: "https://warden.example.com", apiKey: process.env.WARDEN_API_KEY! });
 *
 * const run = await warden.startRun({ externalId: ticket.id, input: ticket });
 * const signal = warden.recordSpans(run.id, {
 *   kind: "llm", name: "draft reply", model: "gpt-4o-mini",
 *   startTime: t0.toISOString(), endTime: new Date().toISOString(), inputTokens: 812, outputTokens: 164,
 * });
 * if (!signal.continue) return warden.finishRun(run.id, { status: "failed", error: signal.reason ?? "halted" });
 *
 * // Ask before acting; wait up to 5 minutes if a reviewer must approve.
 * const d = await warden.authorize({ runId: run.id, type: "support.reply", payload: { text }, confidence: 0.92 }, { waitMs: 300_000 });
 * if (d.executable) {
 *   const sent = await sendReply(d.payload); // a reviewer's edit replaces your payload
 *   await warden.reportResult(d.id!, { status: "succeeded", output: sent });
 * } // draft, wait, rejected, halted, unavailable: do not act (Warden fails closed)
 *
 * await warden.score({ runId: run.id, name: "helpfulness", value: 0.9, source: "judge" });
 * await warden.finishRun(run.id, { status: "succeeded" }); // flushes the run's spans first
 * await warden.shutdown(); // sends any buffered spans before the process exits
 * ```
 *
 * Pass `signal` to authorize/waitForDecision to stop waiting: the pending action is withdrawn
 * (`cancel(id)` does it by hand), so no reviewer approves what will never run.
 *
 * Retries (network errors, 429 with Retry-After, 5xx, in-flight 409) reuse one Idempotency-Key per
 * call, so a retried POST never acts twice. Errors: WardenApiError (4xx: status, problem,
 * fieldErrors), WardenUnavailableError (no answer after retries), WardenAbortedError (the caller's signal),
 * all WardenError.
 */
export { createClient } from "./client";
export type { Authorization, AuthorizationDecision, AuthorizeOptions, ClientOptions, PostOptions, WaitOptions, WardenClient } from "./client";
export { WardenAbortedError, WardenApiError, WardenError, WardenUnavailableError } from "./errors";
export { refusalText } from "./refusal";
export type { FlushOptions, FlushResult, RunSignal } from "./span-buffer";
export type { RetryOptions } from "./transport";
export type * from "./types";
