import { describe, expect, inject, it } from "vitest";
import { decideAction, reportActionResult, requestAction } from "../../lib/actions";
import { authenticateAgent } from "../../lib/agents";
import { bumpEvidence, loadEvidence, rebuildEvidence } from "../../lib/autonomy";
import { createDb, type Db, type DbTx } from "../../lib/db/client";
import { useEmbeddedDb, useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

const db = useTestDb();

/**
 * More clients on the test database. Their statements give up on a lock after 10 s: a bump
 * that queues behind another transaction's counters then fails the test instead of hanging it.
 */
function clients(n: number, poolMax: number): Db[] {
  const url = new URL(inject("databaseUrl"));
  url.searchParams.set("options", "-c lock_timeout=10000");
  return Array.from({ length: n }, () => createDb({ kind: "postgres", url: url.toString() }, { poolMax }));
}

/** A transaction that runs `fn`, then stays open until released; it commits, or rolls back with `rollback`. */
function holdOpen(on: Db, fn: (tx: DbTx) => Promise<unknown>, opts: { rollback?: boolean } = {}) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const done = on
    .$transaction(
      async (tx) => {
        await fn(tx);
        ready();
        await released;
        if (opts.rollback) throw new RolledBack();
      },
      { maxWait: 20_000, timeout: 120_000 },
    )
    .catch((e) => {
      if (!(e instanceof RolledBack)) throw e;
    });
  // Whichever comes first: the transaction is open and holding, or it failed before that.
  return { ready: Promise.race([isReady, done]), release, done };
}
class RolledBack extends Error {}

async function newType(level: number) {
  return db.actionType.create({ data: { key: `ev.${uniq("t").replace(/-/g, "_")}`, level } });
}

const counters = async (on: Db, typeId: string) => (await loadEvidence(on, [typeId])).get(typeId)!;

describe("evidence counters under concurrency", () => {
  it("a transaction holding its bump of a type does not make the next bump of that type wait", async () => {
    const t = await newType(2);
    const holder = holdOpen(db, (tx) => bumpEvidence(tx, t.id, { requests: 1 }));
    await holder.ready;
    try {
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL lock_timeout = '500ms'");
        await bumpEvidence(tx, t.id, { requests: 1, reviewed: 1, accepted: 1 });
      });
    } finally {
      holder.release();
      await holder.done;
    }
    expect(await counters(db, t.id)).toMatchObject({ requests: 2, reviewed: 1, accepted: 1 });
  });

  // The race: agents asking, reviewers deciding and agents reporting results for one type, on
  // twelve connections of three clients, while another transaction holds a bump of the type
  // open (and rolls it back at the end, so it must not count).
  async function race(opts: { perKind: number }) {
    const { key } = await makeAgent(db);
    const agent = await authenticateAgent(db, `Bearer ${key}`);
    const t = await newType(2);
    const ask = (on: Db) => requestAction(on, agent, { type: t.key, payload: { note: "a" } });
    const pending: string[] = [];
    for (let i = 0; i < opts.perKind; i++) pending.push((await ask(db)).id);
    await db.actionType.update({ where: { id: t.id }, data: { level: 0 } });
    const approved: string[] = [];
    for (let i = 0; i < opts.perKind; i++) approved.push((await ask(db)).id);
    await db.actionType.update({ where: { id: t.id }, data: { level: 2 } });
    const reviewers = await Promise.all([0, 1, 2].map(() => makeUser(db, "reviewer")));

    const expected = { requests: 3 * opts.perKind, reviewed: opts.perKind, accepted: 0, edited: 0, rejected: 0, editSizeSum: 0, executions: opts.perKind, failedExecutions: 0 };
    const ops: ((on: Db, w: number) => Promise<unknown>)[] = [];
    for (let i = 0; i < opts.perKind; i++) {
      ops.push((on) => ask(on));
      const verdict = i % 5 === 0 ? "rejected" : i % 5 === 1 ? "edited" : "accepted";
      expected[verdict]++;
      if (verdict === "edited") expected.editSizeSum++;
      ops.push((on, w) =>
        decideAction(on, reviewers[w % 3].actor, pending[i], verdict === "rejected" ? { decision: "reject", reason: "no" } : verdict === "edited" ? { decision: "approve", payload: { note: "b" } } : { decision: "approve" }),
      );
      const failed = i % 10 === 0;
      if (failed) expected.failedExecutions++;
      ops.push((on) => reportActionResult(on, agent, approved[i], failed ? { status: "failed", error: "upstream" } : { status: "succeeded" }));
    }
    ops.sort(() => Math.random() - 0.5);

    const holder = holdOpen(db, (tx) => bumpEvidence(tx, t.id, { requests: 1000, executions: 1000 }), { rollback: true });
    await holder.ready;
    const racers = clients(3, 4);
    const errors: unknown[] = [];
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: 12 }, async (_, w) => {
          while (errors.length === 0 && next < ops.length) {
            const op = ops[next++];
            await op(racers[w % 3], w).catch((e) => errors.push(e));
          }
        }),
      );
    } finally {
      holder.release();
      await holder.done;
      await Promise.all(racers.map((r) => r.$disconnect()));
    }
    expect(errors).toEqual([]);
    return { t, expected };
  }

  it("a race of 300 requests, decisions and results over twelve connections leaves exact totals", async () => {
    const { t, expected } = await race({ perKind: 100 });
    expect(await counters(db, t.id)).toMatchObject({ ...expected, recentFailures: expected.failedExecutions });
    // The held bump kept the race off its shard, so the totals above were summed over several.
    const [{ shards }] = await db.$queryRawUnsafe<{ shards: bigint }[]>(
      "SELECT count(DISTINCT shard) AS shards FROM evidence_daily WHERE action_type_id = $1::uuid",
      t.id,
    );
    expect(Number(shards)).toBeGreaterThan(1);
  });

  it("rebuilding the counters from the rows gives exactly what the transactions counted", async () => {
    const { t } = await race({ perKind: 20 });
    const live = await counters(db, t.id);
    await rebuildEvidence(db, [t.id]);
    expect(await counters(db, t.id)).toEqual(live);
  });

  it("with every shard held, the next bump waits for one and still counts exactly", async () => {
    const t = await newType(2);
    const [pool] = clients(1, 17);
    const holders = [];
    try {
      // Each open transaction holds a shard; the next one cannot find a free shard among those.
      for (let i = 0; i < 16; i++) {
        const h = holdOpen(pool, (tx) => bumpEvidence(tx, t.id, { requests: 1 }));
        holders.push(h);
        await h.ready;
      }
      const waiting = pool.$transaction((tx) => bumpEvidence(tx, t.id, { requests: 1 }), { maxWait: 20_000, timeout: 60_000 });
      // Wait (without a deadline of ours) until it is queued behind a held shard.
      const queued = () =>
        db.$queryRawUnsafe<unknown[]>(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
      while ((await queued()).length === 0) {
        await new Promise((r) => setTimeout(r, 20));
      }
      for (const h of holders) h.release();
      await Promise.all(holders.map((h) => h.done));
      await waiting;
    } finally {
      for (const h of holders) h.release();
      await pool.$disconnect();
    }
    expect(await counters(db, t.id)).toMatchObject({ requests: 17 });
    const rows = await db.evidenceDaily.findMany({ where: { actionTypeId: t.id } });
    expect(rows.length).toBe(16);
  });
});

const embedded = useEmbeddedDb("evidence");

describe("evidence counters on the embedded database", () => {
  it("bumps, sums and rebuilds the same way", async () => {
    const edb = embedded();
    const t = await edb.actionType.create({ data: { key: "ev.embedded", level: 2 } });
    await Promise.all(
      Array.from({ length: 5 }, () => edb.$transaction((tx) => bumpEvidence(tx, t.id, { requests: 1, executions: 1, failedExecutions: 0 }))),
    );
    expect((await loadEvidence(edb, [t.id])).get(t.id)).toMatchObject({ requests: 5, executions: 5 });
    // These bumps have no actions behind them, so the repair tool recomputes them to nothing.
    await rebuildEvidence(edb, [t.id]);
    expect((await loadEvidence(edb, [t.id])).get(t.id)).toMatchObject({ requests: 0, executions: 0 });
  });
});
