import type { WardenClient } from "../client";
import type { JsonValue } from "../types";

// Shared by the framework adapters: run the tool with the payload Warden approved and report
// what happened as the action's result (evidence for autonomy). Reporting is best effort: a
// tool that ran must not look failed because Warden was briefly unreachable afterwards.

const MAX_OUTPUT_CHARS = 32_000;

/** A tool's output as evidence: JSON as is when small, else a preview. */
export function toEvidence(value: unknown): JsonValue {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && Symbol.asyncIterator in value) return { streamed: true };
  let text: string;
  try {
    text = JSON.stringify(value) ?? "null";
  } catch {
    return { unserializable: String(value).slice(0, 2_000) };
  }
  if (text.length <= MAX_OUTPUT_CHARS) return JSON.parse(text) as JsonValue;
  return { truncated: true, chars: text.length, preview: text.slice(0, 2_000) };
}

export async function runAndReport<T>(
  warden: WardenClient,
  actionId: string | null,
  run: () => T | PromiseLike<T>,
  onReportError: (e: unknown) => void,
): Promise<T> {
  let output: T;
  try {
    output = await run();
  } catch (e) {
    if (actionId) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 10_000);
      await warden.reportResult(actionId, { status: "failed", error }).catch(onReportError);
    }
    throw e;
  }
  if (actionId) await warden.reportResult(actionId, { status: "succeeded", output: toEvidence(output) }).catch(onReportError);
  return output;
}

export const warnReportError = (e: unknown) => console.warn(`[warden] could not report a tool's result: ${e instanceof Error ? e.message : String(e)}`);
