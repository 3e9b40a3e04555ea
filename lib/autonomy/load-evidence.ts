import type { DbTx } from "../db/client";
import { COUNT_KEYS, EVIDENCE_COLUMNS } from "./evidence-columns";
import { ZERO_COUNTS, deriveEvidence, type Counts, type Evidence } from "./evidence";
import { effectiveThresholds } from "./thresholds";

type Row = { action_type_id: string } & Record<string, bigint | number | null>;

// Counter rows are summed over every shard and day; one pass gives the all-time, 7-day and
// 30-day sums ($2 and $3 are the first days of those windows).
const SUMS = [
  ...COUNT_KEYS.map((k) => `sum(${EVIDENCE_COLUMNS[k]}) AS "${k}"`),
  ...COUNT_KEYS.map((k) => `sum(${EVIDENCE_COLUMNS[k]}) FILTER (WHERE day >= $2::date) AS "d7_${k}"`),
  ...COUNT_KEYS.map((k) => `sum(${EVIDENCE_COLUMNS[k]}) FILTER (WHERE day >= $3::date) AS "d30_${k}"`),
].join(", ");

function toCounts(r: Row | undefined, prefix = ""): Counts {
  const c = { ...ZERO_COUNTS };
  if (r) for (const k of COUNT_KEYS) c[k] = Number(r[prefix + k] ?? 0);
  return c;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Evidence for the given action types (all when omitted), from the daily counters plus the
 * failures among each type's most recent executions. Two queries whatever the number of
 * actions or types (bench:autonomy).
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
  // For the whole board no filter at all: matching every row against a list of every type
  // costs more than the sums.
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT action_type_id, ${SUMS} FROM evidence_daily
     WHERE ($1::uuid[] IS NULL OR action_type_id = ANY($1::uuid[])) GROUP BY action_type_id`,
    typeIds ? ids : null,
    isoDay(d7),
    isoDay(d30),
  );
  // "No failed execution in the last N": one index-only probe per type into the partial index
  // of executed and failed rows (actions_recent_executions_idx), so recorded drafts are never
  // walked through. The LIMIT is a constant (the widest window) so the planner prices a probe
  // at N rows, not at a tenth of the type's rows: that guess, times a thousand types, priced the
  // query high enough for Postgres to JIT-compile it, which took longer than running it.
  const windows = types.map((t) => effectiveThresholds(t.promotionThresholds).approvalToAuditCleanExecutions);
  const recent = await db.$queryRawUnsafe<{ id: string; failures: bigint }[]>(
    `SELECT w.id, (SELECT count(*) FILTER (WHERE r.status = 'failed' AND r.rn <= w.n) FROM (
        SELECT a.status, row_number() OVER (ORDER BY a.outcome_at DESC) AS rn FROM actions a
        WHERE a.action_type_id = w.id AND a.outcome_at IS NOT NULL AND a.status IN ('executed', 'failed')
        ORDER BY a.outcome_at DESC LIMIT $3::int) r) AS failures
     FROM unnest($1::uuid[], $2::int[]) AS w(id, n)`,
    ids,
    windows,
    windows.reduce((a, b) => Math.max(a, b), 0),
  );
  const byType = new Map(rows.map((r) => [r.action_type_id, r]));
  const failures = new Map(recent.map((r) => [r.id, Number(r.failures)]));
  return new Map(
    ids.map((id, i) => {
      const r = byType.get(id);
      return [
        id,
        deriveEvidence({
          all: toCounts(r),
          last7d: toCounts(r, "d7_"),
          last30d: toCounts(r, "d30_"),
          recentFailures: failures.get(id) ?? 0,
          recentWindow: windows[i],
        }),
      ];
    }),
  );
}

/** Counters over the last `days` days (every shard), for automatic demotion. */
export async function loadWindowCounts(db: DbTx, typeId: string, days: number, now = new Date()): Promise<Counts> {
  const since = isoDay(new Date(now.getTime() - (days - 1) * 86400_000));
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT action_type_id, ${COUNT_KEYS.map((k) => `sum(${EVIDENCE_COLUMNS[k]}) AS "${k}"`).join(", ")}
     FROM evidence_daily WHERE action_type_id = $1::uuid AND day >= $2::date GROUP BY action_type_id`,
    typeId,
    since,
  );
  return toCounts(rows[0]);
}
