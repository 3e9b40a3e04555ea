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
 * so waiting agents hear `halted` at once. Call with the transaction of the change that causes
 * it; the wake-ups are delivered when it commits. Returns the halted actions' ids.
 */
export async function haltPendingActions(tx: DbTx, scope: HaltScope, reason: string, now = new Date()): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE actions SET status = 'halted', decided_at = ${now}, decision_reason = ${reason}, claimed_by_id = NULL,
                       claim_expires_at = NULL, version = version + 1, updated_at = ${now}
    WHERE status = 'pending' AND ${scopeSql(scope)}
    RETURNING id::text`;
  const ids = rows.map((r) => r.id);
  await notifyActionsChanged(tx, ids);
  return ids;
}
