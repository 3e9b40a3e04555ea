import { recordAuditEvents, type AuditActor } from "../audit";
import type { DbTx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { notifyActionsChanged } from "../notify";

/** Whose pending actions stop: one run's, one agent's, one action type's, or everyone's. */
export type HaltScope = { runId: string } | { agentId: string } | { actionTypeId: string } | { all: true };

function scopeSql(s: HaltScope): Prisma.Sql {
  if ("runId" in s) return Prisma.sql`run_id = ${s.runId}::uuid`;
  if ("agentId" in s) return Prisma.sql`agent_id = ${s.agentId}::uuid`;
  if ("actionTypeId" in s) return Prisma.sql`action_type_id = ${s.actionTypeId}::uuid`;
  return Prisma.sql`TRUE`;
}

/**
 * Halts every pending action in a scope (kill switch, run breaker) and wakes their long-polls,
 * so waiting agents hear `halted` at once. Each halted action gets its receipt (an audit event
 * naming who halted it, the type's version then and the payload it applied to). Call with the
 * transaction of the change that causes it; the wake-ups are delivered when it commits. Returns
 * the halted actions' ids.
 */
export async function haltPendingActions(tx: DbTx, scope: HaltScope, reason: string, now = new Date(), by: AuditActor = { type: "system" }): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string; agent_id: string; action_type_id: string; proposed_payload: unknown; version: number }[]>`
    UPDATE actions SET status = 'halted', decided_at = ${now}, decision_reason = ${reason}, claimed_by_id = NULL,
                       claim_expires_at = NULL, version = version + 1, updated_at = ${now}
    WHERE status = 'pending' AND ${scopeSql(scope)}
    RETURNING id::text, agent_id::text, action_type_id::text, proposed_payload,
              (SELECT t.version FROM action_types t WHERE t.id = actions.action_type_id) AS version`;
  const ids = rows.map((r) => r.id);
  await recordAuditEvents(
    tx,
    rows.map((r) => ({
      actor: by,
      action: "action.halted",
      targetType: "action",
      targetId: r.id,
      before: { status: "pending" },
      after: { status: "halted", reason },
      agentId: r.agent_id,
      actionTypeId: r.action_type_id,
      receipt: { policyVersion: r.version, payload: r.proposed_payload },
    })),
  );
  await notifyActionsChanged(tx, ids);
  return ids;
}
