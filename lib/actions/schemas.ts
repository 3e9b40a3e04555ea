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
    payloadDigest: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "64 lower-case hex characters")
      .optional()
      .describe(
        "SHA-256 (hex) of the RFC 8785 canonical JSON of the payload the agent executed; the SDK sends it. One that differs from the approved payload's flags the action and raises an incident.",
      ),
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

// ---------------------------------------------------------------------------------------------
// The console's list of every action (the Actions page): filters, search, keyset pages.

export const ACTION_ROUTES = ["execute", "approval", "draft", "rejected", "halted"] as const;
/** Time windows for "requested within", in seconds. */
export const ACTION_SINCE = { "1h": 3600, "24h": 86400, "7d": 7 * 86400, "30d": 30 * 86400 } as const;

export const actionsQuery = z
  .object({
    status: z.enum(ACTION_STATUSES).optional(),
    decision: z.enum(ACTION_ROUTES).optional().describe("What the policy decided when the agent asked."),
    level: z.coerce.number().int().min(0).max(3).optional(),
    type: z.string().max(100).optional(),
    agentId: z.uuid().optional(),
    reviewerId: z.uuid().optional(),
    since: z.enum(Object.keys(ACTION_SINCE) as [keyof typeof ACTION_SINCE]).optional(),
    q: z.string().trim().max(200).optional().describe("An action id, a run id, a subject or a run's external id."),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type ActionsQuery = z.infer<typeof actionsQuery>;

export const actionListItem = z.object({
  id: z.string(),
  type: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  status: z.enum(ACTION_STATUSES),
  route: z.enum(ACTION_ROUTES),
  outcome: z.string().nullable(),
  level: z.number().int(),
  subject: z.string().nullable(),
  rationale: z.string().nullable(),
  confidence: z.number().nullable(),
  runId: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ActionListItem = z.infer<typeof actionListItem>;

/** `total` counts at most ACTIONS_COUNT_CAP + 1 rows; `totalCapped` says the real number is larger. */
export const actionListPage = z.object({
  items: z.array(actionListItem),
  total: z.number().int(),
  totalCapped: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type ActionListPage = z.infer<typeof actionListPage>;

/** The most items one bulk decision may settle. */
export const BULK_DECISION_MAX = 100;

export const bulkDecisionInput = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), ids: z.array(z.uuid()).min(1).max(BULK_DECISION_MAX) }).strict(),
  z
    .object({
      decision: z.literal("reject"),
      ids: z.array(z.uuid()).min(1).max(BULK_DECISION_MAX),
      reason: z.string().trim().min(1, "a reason is required").max(2000),
    })
    .strict(),
]);
export type BulkDecisionInput = z.infer<typeof bulkDecisionInput>;
