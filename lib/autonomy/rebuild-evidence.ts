import type { DbTx } from "../db/client";

/**
 * Recomputes the evidence counters of the given types from the raw rows (actions and human
 * reviews): every shard of a type's day is replaced by one row (shard 0). The counters are
 * normally kept in step transactionally; this is the repair tool (and how bench:autonomy fills
 * counters for rows it bulk-inserts).
 */
export async function rebuildEvidence(db: DbTx, typeIds: string[]): Promise<void> {
  await db.$executeRaw`DELETE FROM evidence_daily WHERE action_type_id = ANY(${typeIds}::uuid[])`;
  await db.$executeRaw`
    INSERT INTO evidence_daily (action_type_id, day, shard, requests, reviewed, accepted, edited, rejected, edit_size_sum,
                                executions, failed_executions, audit_passed, audit_failed)
    SELECT action_type_id, day, 0, sum(requests), sum(reviewed), sum(accepted), sum(edited), sum(rejected), sum(edit_size_sum),
           sum(executions), sum(failed_executions), sum(audit_passed), sum(audit_failed)
    FROM (
      SELECT a.action_type_id, (a.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS requests,
             0 AS reviewed, 0 AS accepted, 0 AS edited, 0 AS rejected, 0 AS edit_size_sum, 0 AS executions,
             0 AS failed_executions, 0 AS audit_passed, 0 AS audit_failed
      FROM actions a WHERE a.action_type_id = ANY(${typeIds}::uuid[]) GROUP BY 1, 2
      UNION ALL
      SELECT a.action_type_id, (r.created_at AT TIME ZONE 'UTC')::date, 0,
             count(*) FILTER (WHERE r.verdict IN ('accepted', 'edited', 'rejected')),
             count(*) FILTER (WHERE r.verdict = 'accepted'),
             count(*) FILTER (WHERE r.verdict = 'edited'),
             count(*) FILTER (WHERE r.verdict = 'rejected'),
             coalesce(sum(r.edit_size) FILTER (WHERE r.verdict = 'edited'), 0),
             0, 0,
             count(*) FILTER (WHERE r.verdict = 'passed'),
             count(*) FILTER (WHERE r.verdict = 'failed')
      FROM reviews r JOIN actions a ON a.id = r.target_id
      WHERE r.target_type = 'action' AND r.source = 'human' AND a.action_type_id = ANY(${typeIds}::uuid[])
      GROUP BY 1, 2
      UNION ALL
      SELECT a.action_type_id, (a.outcome_at AT TIME ZONE 'UTC')::date, 0, 0, 0, 0, 0, 0,
             count(*), count(*) FILTER (WHERE a.status = 'failed'), 0, 0
      FROM actions a
      WHERE a.action_type_id = ANY(${typeIds}::uuid[]) AND a.outcome_at IS NOT NULL AND a.status IN ('executed', 'failed')
      GROUP BY 1, 2
    ) parts
    GROUP BY action_type_id, day`;
}
