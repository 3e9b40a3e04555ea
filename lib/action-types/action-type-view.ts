import type { ActionType } from "../generated/prisma/client";
import type { ActionTypeView } from "./schemas";

export function toActionTypeView(t: ActionType, pending: { approvals: number; drafts: number } = { approvals: 0, drafts: 0 }): ActionTypeView {
  return {
    id: t.id,
    key: t.key,
    description: t.description,
    level: t.level,
    blocked: t.blocked,
    killSwitch: t.killSwitch,
    killSwitchReason: t.killSwitchReason,
    killSwitchChangedAt: t.killSwitchChangedAt?.toISOString() ?? null,
    riskLabel: (t.riskLabel as ActionTypeView["riskLabel"]) ?? null,
    payloadSchema: t.payloadSchema ?? null,
    minConfidence: t.minConfidence,
    auditSampleRate: t.auditSampleRate,
    approvalTimeoutSeconds: t.approvalTimeoutSeconds,
    timeoutBehavior: t.timeoutBehavior === "escalate" ? "escalate" : "reject",
    rolloutStage: t.rolloutStage,
    version: t.version,
    pendingApprovals: pending.approvals,
    pendingDrafts: pending.drafts,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
