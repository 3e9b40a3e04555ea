import { describe, expect, it } from "vitest";
import { loadEvidence } from "../../lib/autonomy";
import type { Db, DbTx } from "../../lib/db/client";
import { useScratchDb } from "../helpers/db";
import { makeAgent, uniq } from "../helpers/factories";

// A database of this file's own: what the planner does depends on the table's statistics, and
// here they must look like a fleet's — busy types with many executions beside one with drafts.
const scratch = useScratchDb("evload");

/** Executed/failed actions (oldest first) and recorded drafts for a type, straight into the table. */
async function seed(db: Db, typeId: string, agentId: string, rows: { status: string; n: number }[]) {
  let minute = 0;
  for (const { status, n } of rows) {
    await db.$executeRawUnsafe(
      `INSERT INTO actions (id, agent_id, action_type_id, proposed_payload, level_at_request, route, route_reason, status,
                            outcome_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, '{}'::jsonb, 2, 'approval', 'test', $3::"ActionStatus",
              now() - interval '1 day' + ($4::int + g) * interval '1 minute', now() - interval '2 days', now()
       FROM generate_series(1, $5::int) g`,
      agentId,
      typeId,
      status,
      minute,
      n,
    );
    minute += n;
  }
}

/** Index entries of `actions` read so far by this transaction, as the server counts them. */
async function actionIndexEntriesRead(tx: DbTx): Promise<number> {
  const [r] = await tx.$queryRawUnsafe<{ n: bigint }[]>(
    "SELECT coalesce(sum(pg_stat_get_xact_tuples_returned(indexrelid)), 0)::bigint AS n FROM pg_index WHERE indrelid = 'actions'::regclass",
  );
  return Number(r.n);
}

describe("recent executions", () => {
  it("a type with thousands of recorded drafts is not walked through to find its last executions", async () => {
    const db = scratch();
    const { agent } = await makeAgent(db);
    for (let i = 0; i < 3; i++) {
      const busy = await db.actionType.create({ data: { key: uniq("busy"), level: 1 } });
      await seed(db, busy.id, agent.id, [{ status: "executed", n: 5000 }]);
    }
    const t = await db.actionType.create({ data: { key: uniq("drafty"), level: 2 } });
    // Drafts recorded after the executions: newest outcome first, they come before them in an
    // index on (type, outcome_at) alone.
    await seed(db, t.id, agent.id, [
      { status: "failed", n: 1 },
      { status: "executed", n: 2 },
      { status: "drafted", n: 3000 },
    ]);
    await db.$executeRawUnsafe("ANALYZE actions");
    // In one transaction the counters are this transaction's own, whatever other files run.
    const { e, read } = await db.$transaction(async (tx) => {
      const before = await actionIndexEntriesRead(tx);
      const e = (await loadEvidence(tx, [t.id])).get(t.id)!;
      return { e, read: (await actionIndexEntriesRead(tx)) - before };
    });
    expect(e.recentFailures).toBe(1);
    expect(read).toBeLessThan(100);
  });

  it("each type's own window counts: failures among its last N executions only", async () => {
    const db = scratch();
    const { agent } = await makeAgent(db);
    const narrow = await db.actionType.create({ data: { key: uniq("narrow"), level: 2, promotionThresholds: { approvalToAuditCleanExecutions: 3 } } });
    const wide = await db.actionType.create({ data: { key: uniq("wide"), level: 2, promotionThresholds: { approvalToAuditCleanExecutions: 5 } } });
    const none = await db.actionType.create({ data: { key: uniq("none"), level: 2 } });
    for (const t of [narrow, wide]) {
      await seed(db, t.id, agent.id, [
        { status: "failed", n: 2 },
        { status: "executed", n: 3 },
      ]);
    }
    const ev = await loadEvidence(db, [narrow.id, wide.id, none.id]);
    expect(ev.get(narrow.id)).toMatchObject({ recentFailures: 0, recentWindow: 3 });
    expect(ev.get(wide.id)).toMatchObject({ recentFailures: 2, recentWindow: 5 });
    expect(ev.get(none.id)).toMatchObject({ recentFailures: 0, recentWindow: 100, executions: 0 });
  });
});
