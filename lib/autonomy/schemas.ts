import { z } from "zod";
import { updateActionTypeInput } from "../action-types/schemas";

const reason = z.string().trim().min(3, "say why (at least 3 characters)").max(2000, "at most 2000 characters");

/** The level the person saw; a change made meanwhile makes the request a 409 instead of acting on a level they never saw. */
const expectedLevel = z.int().min(0).max(3).optional();

export const promoteInput = z
  .object({
    reason,
    expectedLevel,
    /** Promote although the evidence does not meet the thresholds; flagged in the history. */
    override: z.boolean().default(false),
  })
  .strict();

export const demoteInput = z.object({ toLevel: z.int().min(1).max(3), reason, expectedLevel }).strict();

export const requestAutonomyInput = z.object({ reason }).strict();

export const signOffInput = z
  .object({ approve: z.boolean(), reason: z.string().trim().max(2000).optional() })
  .strict()
  .refine((v) => v.approve || (v.reason && v.reason.length >= 3), { message: "a denial needs a reason", path: ["reason"] });

/** Level changes over REST: one field for all three moves (promote, request 1→0, demote). */
export const setLevelInput = z
  .object({
    level: z.int().min(0).max(3),
    /** The level the caller saw; the change is refused (409) when the type is elsewhere now. */
    expectedLevel: z.int().min(0).max(3),
    reason,
    override: z.boolean().default(false),
  })
  .strict();

export const autonomyChangeView = z.object({
  id: z.string(),
  actionType: z.string(),
  fromLevel: z.number().int(),
  toLevel: z.number().int(),
  status: z.enum(["applied", "pending", "denied"]),
  automatic: z.boolean(),
  override: z.boolean(),
  byId: z.string().nullable(),
  by: z.string().nullable(),
  approvedBy: z.string().nullable(),
  reason: z.string(),
  decisionReason: z.string().nullable(),
  evidence: z.unknown(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AutonomyChangeView = z.infer<typeof autonomyChangeView>;

/** PATCH /api/v1/action-types/{key}: guardrails as in the console, and/or a level change. */
export const patchActionTypeInput = updateActionTypeInput
  .omit({ version: true })
  .extend({
    version: z.int().min(1).optional().describe("The version you saw; 409 when the type changed since. Omit to apply to the current version."),
    level: z.int().min(0).max(3).optional(),
    expectedLevel: z.int().min(0).max(3).optional().describe("Required with level: the level the change starts from (409 when the type is at another level now)."),
    reason: z.string().trim().max(2000).optional(),
    override: z.boolean().optional(),
    killSwitch: z.boolean().optional().describe("true halts every request of this type at once (its pending actions too); false lets it act again. `reason`, when given, is recorded with the flip."),
  })
  .strict();
