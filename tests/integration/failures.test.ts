import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { startApp, type AppServer } from "../helpers/app-server";
import { makeAgent, makeUser, uniq } from "../helpers/factories";
import { startPrivatePostgres, type PrivatePg } from "../helpers/pg-private";
import { decideAction } from "../../lib/actions";

// What agents see when things break: Postgres restarting mid-request, the app killed with
// kill -9, the database gone. On a Postgres server of this file's own (tests/helpers/pg-private),
// so restarting it disturbs no other test. Every acknowledged write must exist exactly once,
// no Idempotency-Key may be left stuck, and an outage must answer 503 so clients retry.

let pgs: PrivatePg;
let url: string;
let db: Db;
let app: AppServer;

beforeAll(async () => {
  pgs = await startPrivatePostgres();
  const admin = new pg.Client({ connectionString: pgs.url });
  await admin.connect();
  await admin.query("CREATE DATABASE warden");
  await admin.end();
  url = pgs.url.replace(/\/postgres$/, "/warden");
  await applyMigrations({ kind: "postgres", url });
  db = createDb({ kind: "postgres", url }, { poolMax: 4 });
  app = await startApp({ databaseUrl: url, env: { WARDEN_LONGPOLL_FALLBACK_MS: "60000", LOG_LEVEL: "warn" } });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await db?.$disconnect();
  pgs?.destroy();
});

/** A client of the test's own; the restarts below kill its connection, which is expected. */
function quietClient(): pg.Client {
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => {});
  return c;
}

/** The same request again and again, as the SDK retries: until it is answered 2xx or the time is up. */
async function retryUntilAnswered(send: () => Promise<Response>, forMs = 15_000): Promise<{ status: number; body: any; replayed: boolean; statuses: number[] }> {
  const statuses: number[] = [];
  const deadline = Date.now() + forMs;
  for (;;) {
    const res = await send().catch(() => null);
    if (res) {
      statuses.push(res.status);
      const body = await res.json().catch(() => null);
      if (res.ok) return { status: res.status, body, replayed: res.headers.get("idempotent-replayed") === "true", statuses };
    } else statuses.push(0);
    if (Date.now() > deadline) return { status: statuses.at(-1)!, body: null, replayed: false, statuses };
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** 1,000 spans without ids (so nothing but the Idempotency-Key can dedupe them), 3 input tokens each. */
function bigBatch(): string {
  const t = new Date().toISOString();
  const spans = Array.from({ length: 1000 }, (_, i) => ({ kind: "llm", name: `step ${i}`, startTime: t, inputTokens: 3, input: { prompt: "x".repeat(200) } }));
  return JSON.stringify({ spans });
}

async function spanTotals(runId: string) {
  const [rows, run] = await Promise.all([db.span.count({ where: { runId } }), db.run.findUniqueOrThrow({ where: { id: runId } })]);
  return { rows, spanCount: run.spanCount, inputTokens: Number(run.inputTokens) };
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/**
 * Holds the run's row lock, so a span batch's totals update waits on it inside the request's
 * work: the request is caught in the middle of its transaction.
 */
async function holdRunRow(runId: string) {
  const c = quietClient();
  await c.connect();
  await c.query("BEGIN");
  await c.query("SELECT 1 FROM runs WHERE id = $1 FOR UPDATE", [runId]);
  return {
    untilSomeoneWaits: () =>
      waitFor(async () => {
        const r = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'warden'");
        return r.rows[0].n > 0;
      }, "the batch to wait on the run's row"),
    async release() {
      await c.query("ROLLBACK").catch(() => {});
      await c.end().catch(() => {});
    },
  };
}

/**
 * Holds a row lock on the key's stored answer as soon as it becomes visible, so a design that
 * writes that answer after the work (in a second statement) is caught between the two.
 */
function lockKeyRecordWhenVisible(agentId: string, key: string) {
  const c = quietClient();
  let stop = false;
  const done = (async () => {
    await c.connect();
    await c.query("BEGIN");
    while (!stop) {
      const r = await c.query("SELECT 1 FROM idempotency_records WHERE agent_id = $1 AND key = $2 FOR UPDATE SKIP LOCKED", [agentId, key]);
      if (r.rowCount) return; // holding it until release()
      await new Promise((res) => setTimeout(res, 1));
    }
    // The restart kills this connection mid-query; that is the point, not a failure.
  })().catch(() => {});
  return {
    async release() {
      stop = true;
      await done;
      await c.query("ROLLBACK").catch(() => {});
      await c.end().catch(() => {});
    },
  };
}

async function setup(label: string) {
  const { agent, key } = await makeAgent(db, { name: uniq(label) });
  const api = (base: string) => (path: string, init: RequestInit & { idem?: string } = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        ...(init.idem ? { "idempotency-key": init.idem } : {}),
      },
      signal: AbortSignal.timeout(20_000),
    });
  const run = await (await api(app.url)("/api/v1/runs", { method: "POST", body: "{}" })).json();
  return { agent, key, api, runId: run.id as string };
}

describe("Postgres restarts while agents write", () => {
  it("restart in the middle of a keyed batch: the retry applies it exactly once, and the key is not stuck", async () => {
    const { api, runId } = await setup("restart-mid");
    const body = bigBatch();
    const blocker = await holdRunRow(runId);
    const first = api(app.url)(`/api/v1/runs/${runId}/spans`, { method: "POST", body, idem: "restart-mid" }).catch(() => null);
    await blocker.untilSomeoneWaits();
    await pgs.restart(400);
    await blocker.release();
    const answered = await first;
    expect(answered?.status ?? 0).not.toBe(200); // the work never committed
    if (answered) expect([503]).toContain(answered.status);

    const retried = await retryUntilAnswered(() => api(app.url)(`/api/v1/runs/${runId}/spans`, { method: "POST", body, idem: "restart-mid" }));
    expect(retried.status, `statuses: ${retried.statuses.join(",")}`).toBe(200);
    expect(retried.body.accepted).toBe(1000);
    expect(await spanTotals(runId)).toEqual({ rows: 1000, spanCount: 1000, inputTokens: 3000 });
  });

  it("restart right after the work is stored: the retry gets the first answer, nothing is stored twice", async () => {
    const { agent, api, runId } = await setup("restart-after");
    const body = bigBatch();
    const lock = lockKeyRecordWhenVisible(agent.id, "restart-after");
    const first = api(app.url)(`/api/v1/runs/${runId}/spans`, { method: "POST", body, idem: "restart-after" }).catch(() => null);
    await waitFor(async () => (await db.span.count({ where: { runId } })) === 1000, "the spans to be committed");
    await pgs.restart(400);
    await lock.release();
    await first;

    const retried = await retryUntilAnswered(() => api(app.url)(`/api/v1/runs/${runId}/spans`, { method: "POST", body, idem: "restart-after" }));
    expect(retried.status, `statuses: ${retried.statuses.join(",")}`).toBe(200);
    expect(await spanTotals(runId)).toEqual({ rows: 1000, spanCount: 1000, inputTokens: 3000 });
  });
});

describe("the app is killed with kill -9", () => {
  it("killed while a keyed request is in its transaction: a new instance runs the retry once", async () => {
    const { api, runId } = await setup("kill-mid");
    const body = bigBatch();
    const blocker = await holdRunRow(runId);
    const first = api(app.url)(`/api/v1/runs/${runId}/spans`, { method: "POST", body, idem: "kill-mid" }).catch(() => null);
    await blocker.untilSomeoneWaits();
    await app.kill();
    await first;
    await blocker.release();
    app = await startApp({ databaseUrl: url, env: { WARDEN_LONGPOLL_FALLBACK_MS: "60000", LOG_LEVEL: "warn" } });

    const retried = await retryUntilAnswered(() => api(app.url)(`/api/v1/runs/${runId}/spans`, { method: "POST", body, idem: "kill-mid" }));
    console.log(`kill -9 mid-transaction, then retries: ${retried.statuses.join(",")}`);
    expect(retried.status, `statuses: ${retried.statuses.join(",")}`).toBe(200);
    expect(await spanTotals(runId)).toEqual({ rows: 1000, spanCount: 1000, inputTokens: 3000 });
  });

  it("killed between storing the work and answering: the retry replays the stored answer", async () => {
    const { agent, api, runId } = await setup("kill-after");
    const body = bigBatch();
    const lock = lockKeyRecordWhenVisible(agent.id, "kill-after");
    const first = api(app.url)(`/api/v1/runs/${runId}/spans`, { method: "POST", body, idem: "kill-after" }).catch(() => null);
    await waitFor(async () => (await db.span.count({ where: { runId } })) === 1000, "the spans to be committed");
    await app.kill();
    await lock.release();
    await first;
    app = await startApp({ databaseUrl: url, env: { WARDEN_LONGPOLL_FALLBACK_MS: "60000", LOG_LEVEL: "warn" } });

    const retried = await retryUntilAnswered(() => api(app.url)(`/api/v1/runs/${runId}/spans`, { method: "POST", body, idem: "kill-after" }));
    expect(retried.status, `statuses: ${retried.statuses.join(",")}`).toBe(200);
    expect(retried.replayed).toBe(true);
    expect(retried.body.accepted).toBe(1000);
    expect(await spanTotals(runId)).toEqual({ rows: 1000, spanCount: 1000, inputTokens: 3000 });
  });
});

describe("the database is unreachable", () => {
  it("answers 503 with Retry-After (problem+json), logs it once, and serves again when it is back", async () => {
    const { api } = await setup("down");
    const before = app.output().length;
    pgs.stop();
    try {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => api(app.url)("/api/v1/actions", { method: "POST", body: JSON.stringify({ type: "test.down", payload: {} }) })),
      );
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect((await res.json()).code).toBe("unavailable");
      }
      // Log lines are written asynchronously: wait for the first, then make sure no second follows.
      await waitFor(async () => /database unreachable/.test(app.output().slice(before)), "the outage to be logged", 5_000);
      await new Promise((r) => setTimeout(r, 300));
      const logged = app.output().slice(before);
      expect(logged.match(/database unreachable/g)?.length ?? 0).toBe(1);
      expect(logged).not.toMatch(/unhandled error/);
    } finally {
      pgs.start();
    }
    const after = await retryUntilAnswered(() => api(app.url)("/api/v1/actions", { method: "POST", body: JSON.stringify({ type: "test.down", payload: {} }) }));
    expect(after.status).toBe(201);
  });
});

describe("decision wake-ups after a database restart", () => {
  it("re-establishes LISTEN after an outage longer than a second, so waiting agents wake on the decision", async () => {
    const { key, api } = await setup("listen");
    const { actor } = await makeUser(db, "reviewer");
    const type = `test.${uniq("listen").replace(/-/g, "_")}`;
    await db.actionType.create({ data: { key: type, level: 2 } });
    await pgs.restart(2_000);
    // The app notices the lost connection and reconnects with backoff; readiness says when.
    await waitFor(async () => {
      const r = await fetch(`${app.url}/api/ready`).then((x) => x.json(), () => null);
      return r?.listen?.connected === true && r.listen.reconnects >= 1;
    }, "LISTEN to reconnect", 30_000);
    expect(key).toBeTruthy();

    const wakes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await (await api(app.url)("/api/v1/actions", { method: "POST", body: JSON.stringify({ type, payload: { n: i } }) })).json();
      let wokeAt = 0;
      // The fallback poll is 60 s here: only a notification can end this wait early.
      const waiting = api(app.url)(`/api/v1/actions/${created.id}?wait=10`).then(async (r) => {
        wokeAt = performance.now();
        return r.json();
      });
      await new Promise((r) => setTimeout(r, 200));
      await decideAction(db, actor, created.id, { decision: "approve" });
      const decidedAt = performance.now();
      expect(await waiting).toMatchObject({ decision: "execute", status: "approved" });
      wakes.push(wokeAt - decidedAt);
    }
    wakes.sort((x, y) => x - y);
    console.log(`wake-up after a 2 s database restart: p50=${wakes[2].toFixed(1)}ms max=${wakes[4].toFixed(1)}ms n=5`);
  });
});
