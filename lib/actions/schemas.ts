import { z } from "zod";
import { jsonObject, jsonValue, longString, shortString } from "../api/common-schemas";
import { LIMITS } from "../api/limits";

export const actionTypeKey = z
  .string()
  .min(3)
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "dotted lowercase, e.g. support.reply or payments.refund");

export const DECISIONS = ["execute", "wait", "draft", "rejected", "halted"] as const;
export type Decision = (typeof DECISIONS)[number];

export const requestActionInput = z
  .object({
    runId: z.uuid().optional(),
    type: actionTypeKey,
    payload: jsonObject,
    confidence: z.number().min(0).max(1).optional(),
    rationale: longString.optional(),
    subject: shortString.optional().describe("What the action is about (customer, ticket…); keys staged rollouts."),
  })
  .strict();
export type RequestActionInput = z.infer<typeof requestActionInput>;

export const actionResultInput = z
  .object({
    status: z.enum(["succeeded", "failed"]),
    output: jsonValue.optional(),
    error: longString.optional(),
  })
  .strict();
export type ActionResultInput = z.infer<typeof actionResultInput>;

export const cancelActionInput = z
  .object({
    reason: z.string().trim().min(1).max(2000).optional().describe("Why the agent withdraws the request; shown to reviewers."),
  })
  .strict();
export type CancelActionInput = z.infer<typeof cancelActionInput>;

// A query string is text: only plain decimals, since Number() would also take "", " ", "0x2" or "1e1".
const waitSeconds = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "a decimal number of seconds, e.g. 5 or 2.5")
  .transform(Number)
  .pipe(z.number().min(0).max(LIMITS.maxWaitSeconds));

export const waitQuery = z.object({
  wait: waitSeconds.optional().describe(`Seconds to wait for a decision (long-poll), at most ${LIMITS.maxWaitSeconds}.`),
});

export const ACTION_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "expired",
  "executed",
  "failed",
  "drafted",
  "discarded",
  "halted",
  "cancelled",
] as const;

export const actionView = z.object({
  id: z.uuid(),
  type: z.string(),
  runId: z.uuid().nullable(),
  decision: z.enum(DECISIONS).describe("What the agent should do now."),
  status: z.enum(ACTION_STATUSES),
  level: z.number().int().min(0).max(3),
  reason: z.string(),
  payload: jsonValue.describe("The payload to use: a reviewer's edit replaces the agent's proposal."),
  proposedPayload: jsonValue,
  confidence: z.number().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
});
export type ActionView = z.infer<typeof actionView>;
