import { recordAuditEvent } from "../audit";
import type { Db } from "../db/client";
import { raiseIncident } from "../incidents";
import { notifyActionChanged } from "../notify";

/**
 * Handles approvals past their deadline: each type says whether they expire (the waiting
 * agent is told `rejected`) or escalate to managers (stay pending, flagged, no new deadline).
 * Either way an incident is raised. Safe with many app instances: rows are taken with
 * FOR UPDATE SKIP LOCKED and re-checked, so each overdue action is handled exactly once.
 */
export async function processOverdueActions(db: Db, now = new Date(), batch = 100): Promise<{ expired: number; escalated: number }> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<
      { id: string; agent_id: string; run_id: string | null; action_type_id: string; proposed_payload: unknown; key: string; version: number; timeout_behavior: string; due_at: Date }[]
    >`
      SELECT a.id, a.agent_id, a.run_id, a.action_type_id, a.proposed_payload, t.key, t.version, t.timeout_behavior, a.due_at
      FROM actions a JOIN action_types t ON t.id = a.action_type_id
      WHERE a.status = 'pending' AND a.route = 'approval' AND a.due_at < ${now} AND a.escalated_at IS NULL
      ORDER BY a.due_at
      LIMIT ${batch}
      FOR UPDATE OF a SKIP LOCKED`;
    let expired = 0;
    let escalated = 0;
    for (const a of due) {
      const escalate = a.timeout_behavior === "escalate";
      await tx.action.update({
        where: { id: a.id },
        data: escalate
          ? { escalatedAt: now, version: { increment: 1 } }
          : {
              status: "expired",
              decidedAt: now,
              decisionReason: "No reviewer decided before the approval deadline.",
              claimedById: null,
              claimExpiresAt: null,
              version: { increment: 1 },
            },
      });
      await recordAuditEvent(tx, {
        actor: { type: "system" },
        action: escalate ? "action.escalated" : "action.expired",
        targetType: "action",
        targetId: a.id,
        before: { status: "pending", dueAt: a.due_at },
        after: escalate ? { status: "pending", escalatedAt: now } : { status: "expired" },
        agentId: a.agent_id,
        actionTypeId: a.action_type_id,
        receipt: { policyVersion: a.version, payload: a.proposed_payload },
      });
      await raiseIncident(tx, {
        kind: escalate ? "approval_escalated" : "approval_expired",
        severity: escalate ? "warning" : "info",
        title: escalate ? `${a.key} waited past its deadline and was escalated to managers` : `${a.key} expired without a decision`,
        agentId: a.agent_id,
        runId: a.run_id,
        details: { actionId: a.id, dueAt: a.due_at },
      });
      if (escalate) escalated++;
      else {
        expired++;
        await notifyActionChanged(tx, a.id);
      }
    }
    return { expired, escalated };
  });
}
