import { z } from "zod";
import { isoDateTime, jsonObject, jsonValue, longString, shortString } from "../api/common-schemas";
import { LIMITS } from "../api/limits";

export const SPAN_KINDS = ["llm", "tool", "retrieval", "guardrail", "other"] as const;

export const startRunInput = z
  .object({
    externalId: shortString.optional().describe("Your own id for the run; unique per agent."),
    input: jsonValue.optional(),
    metadata: jsonObject.optional(),
    agentVersion: shortString.optional(),
    sessionId: shortString.optional(),
    endUser: shortString.optional().describe("A reference to the end user (no personal data needed)."),
  })
  .strict();
export type StartRunInput = z.infer<typeof startRunInput>;

export const finishRunInput = z
  .object({
    status: z.enum(["succeeded", "failed"]),
    output: jsonValue.optional(),
    error: longString.optional(),
  })
  .strict();
export type FinishRunInput = z.infer<typeof finishRunInput>;

export const spanFields = z.object({
    id: shortString.optional().describe("Your span id, unique within the run; children refer to it in parentId."),
    parentId: shortString.optional(),
    kind: z.enum(SPAN_KINDS).default("other"),
    name: shortString,
    model: shortString.optional(),
    startTime: isoDateTime,
    endTime: isoDateTime.optional(),
    inputTokens: z.int().min(0).max(100_000_000).optional(),
    outputTokens: z.int().min(0).max(100_000_000).optional(),
    costUsd: z.number().min(0).max(1_000_000).optional().describe("Omit to have Warden price the tokens by model."),
    status: z.enum(["ok", "error", "unset"]).default("unset"),
    // Bodies arrive through JSON.parse, so these are JSON already; z.json() re-walking every
    // nested value of 1,000 spans cost more than the database insert (bench:ingest).
    input: z.unknown().optional(),
    output: z.unknown().optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
});

export const spanInput = spanFields
  // Strict like every outside input, spelled as a catchall: zod's .strict() made a 1,000-span
  // batch cost ~5 ms of validation instead of ~1 ms (bench:ingest).
  .catchall(z.never())
  .refine((s) => !s.endTime || Date.parse(s.endTime) >= Date.parse(s.startTime), {
    message: "endTime is before startTime",
    path: ["endTime"],
  });
// The catchall adds an index signature to the inferred type; the fields are the contract.
export type SpanInput = z.infer<typeof spanFields>;

export const recordSpansInput = z
  .object({ spans: z.array(spanInput).min(1).max(LIMITS.maxSpansPerBatch) })
  .strict();
export type RecordSpansInput = z.infer<typeof recordSpansInput>;

export const runTotals = z.object({
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  spanCount: z.number().int(),
  durationMs: z.number().int().nullable(),
});

export const runView = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  status: z.enum(["running", "succeeded", "failed", "halted"]),
  haltReason: z.string().nullable(),
  agentVersion: z.string().nullable(),
  sessionId: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  totals: runTotals,
});
export type RunView = z.infer<typeof runView>;

export const recordSpansResult = z.object({
  accepted: z.number().int(),
  run: runView,
  continue: z.boolean().describe("false: the agent should stop this run (see reason)."),
  reason: z.string().nullable(),
});
export type RecordSpansResult = z.infer<typeof recordSpansResult>;
