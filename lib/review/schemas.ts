import { z } from "zod";
import { RISK_LABELS } from "../action-types/schemas";
import { jsonObject } from "../api/common-schemas";

export const QUEUE_KINDS = ["approval", "draft"] as const;
export const AGE_FILTERS = { "1h": 3600, "24h": 86400, "7d": 7 * 86400 } as const;

export const queueQuery = z.object({
  kind: z.enum(QUEUE_KINDS).default("approval"),
  agentId: z.uuid().optional(),
  type: z.string().max(100).optional(),
  risk: z.enum(RISK_LABELS).optional(),
  olderThan: z.enum(Object.keys(AGE_FILTERS) as [keyof typeof AGE_FILTERS]).optional(),
  sort: z.enum(["oldest", "newest"]).default("oldest"),
  q: z.string().trim().max(200).optional().describe("Text in the rationale or subject, the type's key or the agent's name."),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type QueueQuery = z.infer<typeof queueQuery>;

export const queueItem = z.object({
  id: z.string(),
  type: z.string(),
  riskLabel: z.string().nullable(),
  blocked: z.boolean(),
  agentId: z.string(),
  agentName: z.string(),
  confidence: z.number().nullable(),
  level: z.number().int(),
  reason: z.string(),
  /** The agent's rationale, cut to what a row shows. */
  rationale: z.string().nullable(),
  subject: z.string().nullable(),
  /** The payload's fields in one readable line (payload-summary.ts). */
  preview: z.string(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  claimedBy: z.string().nullable(),
  claimExpiresAt: z.string().nullable(),
});
export type QueueItem = z.infer<typeof queueItem>;

export const queuePage = z.object({ items: z.array(queueItem), total: z.number().int(), nextCursor: z.string().nullable() });
export type QueuePage = z.infer<typeof queuePage>;

export const draftOutcomeInput = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("as_proposed"), comment: z.string().max(2000).optional() }).strict(),
  z.object({ outcome: z.literal("with_changes"), payload: jsonObject, comment: z.string().max(2000).optional() }).strict(),
  z.object({ outcome: z.literal("discarded"), reason: z.string().trim().min(1, "a reason is required").max(2000) }).strict(),
]);
export type DraftOutcomeInput = z.infer<typeof draftOutcomeInput>;
