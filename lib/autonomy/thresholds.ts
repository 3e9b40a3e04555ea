import { z } from "zod";

// Promotion and automatic-demotion thresholds (docs/policy-and-autonomy.md#promotion-rules).
// Defaults here; each action type may override any of them (action_types.promotion_thresholds).

export const thresholdsSchema = z
  .object({
    /** 3 → 2: reviewed executions and acceptance rate needed. */
    draftToApprovalMinReviewed: z.int().min(1).max(1_000_000),
    draftToApprovalMinAcceptance: z.number().min(0).max(1),
    /** 2 → 1 */
    approvalToAuditMinReviewed: z.int().min(1).max(1_000_000),
    approvalToAuditMinAcceptance: z.number().min(0).max(1),
    /** 2 → 1 also needs no failed execution among the last N executions. */
    approvalToAuditCleanExecutions: z.int().min(0).max(10_000),
    /** Automatic demotion, judged over the last `demotionWindowDays` days with at least `demotionMinSamples`. */
    demotionWindowDays: z.int().min(1).max(90),
    demotionMinSamples: z.int().min(1).max(100_000),
    maxAuditFailureRate: z.number().min(0).max(1),
    maxFailedExecutionRate: z.number().min(0).max(1),
  })
  .strict();
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = {
  draftToApprovalMinReviewed: 100,
  draftToApprovalMinAcceptance: 0.95,
  approvalToAuditMinReviewed: 1000,
  approvalToAuditMinAcceptance: 0.98,
  approvalToAuditCleanExecutions: 100,
  demotionWindowDays: 7,
  demotionMinSamples: 20,
  maxAuditFailureRate: 0.1,
  maxFailedExecutionRate: 0.1,
};

export const thresholdOverridesSchema = thresholdsSchema.partial();

/** The type's thresholds: its overrides over the defaults (invalid stored overrides are ignored). */
export function effectiveThresholds(overrides: unknown): Thresholds {
  const parsed = thresholdOverridesSchema.safeParse(overrides ?? {});
  return { ...DEFAULT_THRESHOLDS, ...(parsed.success ? parsed.data : {}) };
}
