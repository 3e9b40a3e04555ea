// npm run bench:autonomy — the autonomy board's evidence query at scale.
// Seeds TYPES (default 1,000) action types into DATABASE_URL: BUSY (default 50) of them share
// ACTIONS (default 1,000,000) actions, the rest are nearly empty (0–8 actions each, many with no
// execution at all) — the shape MCP tools and payload rules give a real fleet. Human reviews and
// execution results follow each type's level; the evidence counters are filled from those rows.
// Then it times the board's evidence load (all types) ITERATIONS times.
// Last line: evidence_p95_ms=<n> actions=<n> types=<n>. The seeded rows are removed unless KEEP=1.
import { randomUUID } from "node:crypto";
import { loadEvidence, rebuildEvidence } from "../lib/autonomy";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:autonomy needs DATABASE_URL (a Postgres server)");
  process.exit(2);
}
const ACTIONS = Number(process.env.ACTIONS || 1_000_000);
const TYPES = Number(process.env.TYPES || 1_000);
const BUSY = Math.min(TYPES, Number(process.env.BUSY || 50));
const ITERATIONS = Number(process.env.ITERATIONS || 50);

await applyMigrations({ kind: "postgres", url });
const db = createDb({ kind: "postgres", url }, { poolMax: 4 });
const tag = randomUUID().slice(0, 8);
const agent = await db.agent.create({ data: { name: `bench-autonomy-${tag}` } });
const reviewer = await db.user.create({ data: { email: `bench-${tag}@example.test`, role: "reviewer", passwordHash: "x" } });
await db.actionType.createMany({
  data: Array.from({ length: TYPES }, (_, i) => ({ key: `bench_${tag}.type_${String(i).padStart(4, "0")}`, level: i % 4 })),
});
const types = await db.actionType.findMany({
  where: { key: { startsWith: `bench_${tag}.` } },
  select: { id: true, level: true },
  orderBy: { key: "asc" },
});
const typeIds = types.map((t) => t.id);
// Busy types split ACTIONS; each quiet type gets 0–8 (a level-3 or a quiet level-2 type never executes).
const counts = types.map((_, i) => (i < BUSY ? Math.floor(ACTIONS / BUSY) + (i < ACTIONS % BUSY ? 1 : 0) : i % 9));

try {
  let t = performance.now();
  // Spread over 90 days; route and status follow each type's level like real traffic. Drafts a
  // reviewer recorded carry an outcome time too, as record-draft-outcome sets it.
  await db.$executeRawUnsafe(
    `INSERT INTO actions (id, agent_id, action_type_id, proposed_payload, level_at_request, route, route_reason, status,
                          decided_by_id, decided_at, outcome_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1::uuid, type_id, '{"orderId":"A-1","amountUsd":12.5}'::jsonb, lvl,
            (CASE WHEN lvl = 3 THEN 'draft' WHEN lvl = 2 THEN 'approval' ELSE 'execute' END)::"ActionRoute", 'bench',
            (CASE WHEN lvl = 3 THEN (CASE WHEN r < 0.9 THEN 'drafted' WHEN r < 0.97 THEN 'discarded' ELSE 'pending' END)
                  WHEN lvl = 2 THEN (CASE WHEN r < 0.85 THEN 'executed' WHEN r < 0.86 THEN 'failed' WHEN r < 0.97 THEN 'rejected' ELSE 'pending' END)
                  ELSE (CASE WHEN r < 0.99 THEN 'executed' ELSE 'failed' END) END)::"ActionStatus",
            CASE WHEN lvl >= 2 AND r < 0.97 THEN $3::uuid END,
            CASE WHEN r < 0.97 OR lvl < 2 THEN ts END,
            CASE WHEN (lvl = 3 AND r < 0.97) OR (lvl = 2 AND r < 0.86) OR lvl < 2 THEN ts + interval '1 minute' END,
            ts, ts
     FROM (SELECT t.type_id, t.lvl, random() AS r, now() - random() * interval '90 days' AS ts
           FROM unnest($2::uuid[], $4::int[], $5::int[]) AS t(type_id, lvl, n), generate_series(1, t.n) g) s`,
    agent.id,
    typeIds,
    reviewer.id,
    types.map((x) => x.level),
    counts,
  );
  // One human review per decided approval / recorded draft, with edits now and then.
  await db.$executeRawUnsafe(
    `INSERT INTO reviews (id, target_type, target_id, reviewer_id, source, verdict, tags, edit_size, created_at)
     SELECT gen_random_uuid(), 'action', a.id, $2::uuid, 'human',
            (CASE WHEN a.status IN ('rejected', 'discarded') THEN 'rejected' WHEN random() < 0.05 THEN 'edited' ELSE 'accepted' END)::"ReviewVerdict",
            '{}', 1, a.decided_at
     FROM actions a WHERE a.agent_id = $1::uuid AND a.decided_by_id IS NOT NULL`,
    agent.id,
    reviewer.id,
  );
  await rebuildEvidence(db, typeIds);
  // What autovacuum does to a table after a bulk load (inserts trigger it since Postgres 13): the
  // visibility map lets the probe for recent executions read the index alone. Done here so the
  // timings neither race autovacuum nor measure a state a long-lived database is not in.
  for (const table of ["actions", "reviews", "evidence_daily"]) await db.$executeRawUnsafe(`VACUUM ANALYZE ${table}`);
  const seedSeconds = (performance.now() - t) / 1000;
  const actions = await db.action.count({ where: { agentId: agent.id } });
  const allTypes = await db.actionType.count();

  await loadEvidence(db); // warm-up
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    t = performance.now();
    const ev = await loadEvidence(db);
    times.push(performance.now() - t);
    if (ev.size < allTypes) throw new Error("evidence missing for some types");
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  const sample = (await loadEvidence(db, [typeIds[2]])).get(typeIds[2])!;
  console.log(`seeded in ${seedSeconds.toFixed(1)} s; a level-2 type: reviewed=${sample.reviewed} acceptance=${sample.acceptanceRate?.toFixed(3)} recentFailures=${sample.recentFailures}`);
  console.log(`evidence over all types (${allTypes} in the database, ${BUSY} busy): p50=${p(0.5).toFixed(1)}ms max=${times[times.length - 1].toFixed(1)}ms n=${ITERATIONS}`);
  console.log(`evidence_p95_ms=${p(0.95).toFixed(1)} actions=${actions} types=${allTypes}`);
} finally {
  if (!process.env.KEEP) {
    await db.$executeRawUnsafe(`DELETE FROM reviews WHERE reviewer_id = $1::uuid`, reviewer.id);
    await db.action.deleteMany({ where: { agentId: agent.id } });
    await db.actionType.deleteMany({ where: { id: { in: typeIds } } });
    await db.agent.delete({ where: { id: agent.id } });
    await db.user.delete({ where: { id: reviewer.id } });
  }
  await db.$disconnect();
}
process.exit(0);
