import type { DbTx } from "../db/client";

export type QueueDepth = { type: string; kind: "approval" | "draft"; count: number };

/** Pending actions per action type and queue, for the metrics (one grouped index scan). */
export async function queueDepthByType(db: DbTx): Promise<QueueDepth[]> {
  const rows = await db.$queryRaw<{ type: string; kind: "approval" | "draft"; count: number }[]>`
    SELECT t.key AS type, a.route::text AS kind, count(*)::int AS count
    FROM actions a JOIN action_types t ON t.id = a.action_type_id
    WHERE a.status = 'pending' AND a.route IN ('approval', 'draft')
    GROUP BY t.key, a.route`;
  return rows;
}
