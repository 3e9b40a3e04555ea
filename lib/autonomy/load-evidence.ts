import type { DbTx } from "../db/client";
import { ZERO_COUNTS, deriveEvidence, type Counts, type Evidence } from "./evidence";
import { effectiveThresholds } from "./thresholds";

type Row = { action_type_id: string; bucket: "all" | "d7" | "d30" } & Record<string, bigint | number | null>;

const SUMS = `sum(requests) AS requests, sum(reviewed) AS reviewed, sum(accepted) AS accepted, sum(edited) AS edited,
  sum(rejected) AS rejected, sum(edit_size_sum) AS "editSizeSum", sum(executions) AS executions,
  sum(failed_executions) AS "failedExecutions", sum(audit_passed) AS "auditPassed", sum(audit_failed) AS "auditFailed"`;

function toCounts(r: Row | undefined): Counts {
  if (!r) return { ...ZERO_COUNTS };
  const c = { ...ZERO_COUNTS };
  for (const k of Object.keys(c) as (keyof Counts)[]) c[k] = Number(r[k] ?? 0);
  return c;
}

/**
 * Evidence for the given action types (all when omitted), from the daily counters plus the
 * failures among each type's most recent executions. A few aggregate queries whatever the
 * number of actions (bench:autonomy).
 */
export async function loadEvidence(db: DbTx, typeIds?: string[], now = new Date()): Promise<Map<string, Evidence>> {
  const types = await db.actionType.findMany({
    where: typeIds ? { id: { in: typeIds } } : undefined,
    select: { id: true, promotionThresholds: true },
  });
  if (types.length === 0) return new Map();
  const ids = types.map((t) => t.id);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const d7 = new Date(today.getTime() - 6 * 86400_000);
  const d30 = new Date(today.getTime() - 29 * 86400_000);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT action_type_id, 'all' AS bucket, ${SUMS} FROM evidence_daily WHERE action_type_id = ANY($1::uuid[]) GROUP BY action_type_id
     UNION ALL
     SELECT action_type_id, 'd7', ${SUMS} FROM evidence_daily WHERE action_type_id = ANY($1::uuid[]) AND day >= $2::date GROUP BY action_type_id
     UNION ALL
     SELECT action_type_id, 'd30', ${SUMS} FROM evidence_daily WHERE action_type_id = ANY($1::uuid[]) AND day >= $3::date GROUP BY action_type_id`,
    ids,
    d7.toISOString().slice(0, 10),
    d30.toISOString().slice(0, 10),
  );
  // "No failed execution in the last N": one small index scan per type (actions by type, newest outcome first).
  const windows = new Map(types.map((t) => [t.id, effectiveThresholds(t.promotionThresholds).approvalToAuditCleanExecutions]));
  const recent = await db.$queryRawUnsafe<{ id: string; failures: bigint }[]>(
    `SELECT t.id, (SELECT count(*) FILTER (WHERE r.status = 'failed') FROM (
        SELECT a.status FROM actions a
        WHERE a.action_type_id = t.id AND a.outcome_at IS NOT NULL AND a.status IN ('executed', 'failed')
        ORDER BY a.outcome_at DESC LIMIT w.n) r) AS failures
     FROM unnest($1::uuid[], $2::int[]) AS w(id, n) JOIN action_types t ON t.id = w.id`,
    ids,
    ids.map((id) => windows.get(id) ?? 100),
  );
  const byType = new Map<string, Partial<Record<Row["bucket"], Row>>>();
  for (const r of rows) {
    const m = byType.get(r.action_type_id) ?? {};
    m[r.bucket] = r;
    byType.set(r.action_type_id, m);
  }
  const failures = new Map(recent.map((r) => [r.id, Number(r.failures)]));
  return new Map(
    ids.map((id) => {
      const b = byType.get(id) ?? {};
      return [
        id,
        deriveEvidence({
          all: toCounts(b.all),
          last7d: toCounts(b.d7),
          last30d: toCounts(b.d30),
          recentFailures: failures.get(id) ?? 0,
          recentWindow: windows.get(id) ?? 100,
        }),
      ];
    }),
  );
}

/** Counters over the last `days` days, for automatic demotion. */
export async function loadWindowCounts(db: DbTx, typeId: string, days: number, now = new Date()): Promise<Counts> {
  const since = new Date(now.getTime() - (days - 1) * 86400_000).toISOString().slice(0, 10);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT action_type_id, 'all' AS bucket, ${SUMS} FROM evidence_daily WHERE action_type_id = $1::uuid AND day >= $2::date GROUP BY action_type_id`,
    typeId,
    since,
  );
  return toCounts(rows[0]);
}
