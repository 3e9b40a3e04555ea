import { z } from "zod";
import { actionTypeKey } from "../actions/schemas";

export const RISK_LABELS = ["low", "medium", "high", "critical"] as const;
export const TIMEOUT_BEHAVIORS = ["reject", "escalate"] as const;

export const updateActionTypeInput = z
  .object({
    description: z.string().trim().max(1000, "at most 1000 characters").nullable().optional(),
    payloadSchema: z.record(z.string(), z.json()).nullable().optional().describe("A JSON Schema (draft 2020-12) for the payload; null removes it."),
    blocked: z.boolean().optional().describe("Destructive: always needs a person, whatever the level."),
    minConfidence: z.number().min(0).max(1).nullable().optional(),
    auditSampleRate: z.number().min(0).max(1).optional(),
    approvalTimeoutSeconds: z.int().min(60, "at least 60 seconds").max(30 * 86400, "at most 30 days").optional(),
    timeoutBehavior: z.enum(TIMEOUT_BEHAVIORS).optional(),
    riskLabel: z.enum(RISK_LABELS).nullable().optional(),
    /** Optimistic concurrency: the version the editor saw. */
    version: z.int().min(1),
  })
  .strict();
export type UpdateActionTypeInput = z.infer<typeof updateActionTypeInput>;

export const declareActionTypeInput = z
  .object({
    key: actionTypeKey,
    description: z.string().trim().max(1000, "at most 1000 characters").optional(),
    payloadSchema: z
      .record(z.string(), z.json())
      .optional()
      .describe("A JSON Schema (draft 2020-12) for the payload, e.g. an MCP tool's input schema; its `$schema`, if any, must be draft 2020-12."),
  })
  .strict();
export type DeclareActionTypeInput = z.infer<typeof declareActionTypeInput>;

export const actionTypeView = z.object({
  id: z.string(),
  key: z.string(),
  description: z.string().nullable(),
  level: z.number().int(),
  blocked: z.boolean(),
  killSwitch: z.boolean(),
  killSwitchReason: z.string().nullable(),
  killSwitchChangedAt: z.string().nullable(),
  riskLabel: z.enum(RISK_LABELS).nullable(),
  payloadSchema: z.unknown().nullable(),
  minConfidence: z.number().nullable(),
  auditSampleRate: z.number(),
  approvalTimeoutSeconds: z.number().int(),
  timeoutBehavior: z.enum(TIMEOUT_BEHAVIORS),
  rolloutStage: z.string(),
  version: z.number().int(),
  pendingApprovals: z.number().int(),
  pendingDrafts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionTypeView = z.infer<typeof actionTypeView>;
