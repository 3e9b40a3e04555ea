// npm run bench:authorize — the agent's hot path: asking before acting, against a health check
// in the same process and against the database's own speed, measured in one run.
//
// Starts the built app (`next build` first) against DATABASE_URL. AGENTS (default 50) simulated
// agents, each with its own key, alternate GET /api/health and POST /api/v1/actions (with an
// Idempotency-Key, as the SDK sends) REQUESTS times each, over a mix of action types: level 3
// (draft), level 0 (execute), a blocked type (wait) and a level-0 type with a payload schema.
// The baseline is the unavoidable core of the work at the database's own speed: AGENTS clients
// through `pg` with a pool of the app's size, one plain INSERT of the same action row each.
// ROUNDS (default 3) alternate the two; medians are compared. Last line:
// authorize_per_s=… raw_insert_per_s=… throughput_ratio=… authorize_p50_ms=… authorize_p99_ms=… health_p99_ms=… ratio_p99=… agents=…
import http from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { startApp } from "../tests/helpers/app-server";
import { makeAgent } from "../tests/helpers/factories";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:authorize needs DATABASE_URL (a Postgres server; e.g. postgres://postgres@127.0.0.1:5432/test)");
  process.exit(2);
}
const AGENTS = Number(process.env.AGENTS || 50);
const REQUESTS = Number(process.env.REQUESTS || 200);
const ROUNDS = Number(process.env.ROUNDS || 3);
const POOL = Number(process.env.DATABASE_POOL_MAX || 10);

await applyMigrations({ kind: "postgres", url });
const db = createDb({ kind: "postgres", url }, { poolMax: 4 });
const tag = randomUUID().slice(0, 8);
const TYPES = [
  { key: `bench_${tag}.draft`, level: 3 },
  { key: `bench_${tag}.auto`, level: 0 },
  { key: `bench_${tag}.destructive`, level: 1, blocked: true },
  {
    key: `bench_${tag}.refund`,
    level: 0,
    payloadSchema: {
      type: "object",
      required: ["orderId", "amountUsd"],
      properties: { orderId: { type: "string", maxLength: 40 }, amountUsd: { type: "number", minimum: 0, maximum: 500 } },
    },
  },
];
const types = await Promise.all(TYPES.map((t) => db.actionType.create({ data: t })));
const agents = await Promise.all(Array.from({ length: AGENTS }, (_, i) => makeAgent(db, { name: `bench-authorize-${tag}-${i}` })));
const app = await startApp({ databaseUrl: url, env: { WARDEN_RATE_LIMIT_PER_MINUTE: "10000000", DATABASE_POOL_MAX: String(POOL), LOG_LEVEL: "warn" } });
const port = new URL(app.url).port;

const payload = (i: number) => ({ orderId: `A-${1000 + (i % 9000)}`, amountUsd: 12.5 + (i % 40) });

type Sample = { health: number[]; authorize: number[]; seconds: number };

function request(agent: http.Agent, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, ms: performance.now() - t }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function appRound(round: number): Promise<Sample> {
  const health: number[] = [];
  const authorize: number[] = [];
  const started = performance.now();
  await Promise.all(
    agents.map(async ({ key }, a) => {
      const conn = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = 0; i < REQUESTS; i++) {
        const h = await request(conn, "GET", "/api/health", {});
        if (h.status !== 200) throw new Error(`health: HTTP ${h.status}`);
        health.push(h.ms);
        const type = types[(a + i) % types.length];
        const body = JSON.stringify({ type: type.key, payload: payload(i), confidence: 0.9, subject: `customer-${a}` });
        const r = await request(
          conn,
          "POST",
          "/api/v1/actions",
          { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": `r${round}-a${a}-i${i}`, "content-length": String(Buffer.byteLength(body)) },
          body,
        );
        if (r.status !== 201) throw new Error(`authorize: HTTP ${r.status}`);
        authorize.push(r.ms);
      }
      conn.destroy();
    }),
  );
  return { health, authorize, seconds: (performance.now() - started) / 1000 };
}

async function rawRound(): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const started = performance.now();
  await Promise.all(
    agents.map(async ({ agent }, a) => {
      for (let i = 0; i < REQUESTS; i++) {
        const type = types[(a + i) % types.length];
        await pool.query(
          `INSERT INTO actions (id, agent_id, action_type_id, proposed_payload, confidence, subject_key, level_at_request, route, route_reason, status, created_at, updated_at)
           VALUES (gen_random_uuid(), $1, $2, $3, 0.9, $4, $5, 'draft', 'bench', 'pending', now(), now())`,
          [agent.id, type.id, JSON.stringify(payload(i)), `customer-${a}`, type.level],
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return (AGENTS * REQUESTS) / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const fmt = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(2));

try {
  // Warm-up: caches, JIT, connections.
  await appRound(-1);
  const rounds: { perS: number; rawPerS: number; p50: number; p99: number; healthP99: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const s = await appRound(r);
    const rawPerS = await rawRound();
    rounds.push({
      perS: s.authorize.length / s.seconds,
      rawPerS,
      p50: pct(s.authorize, 50),
      p99: pct(s.authorize, 99),
      healthP99: pct(s.health, 99),
    });
    const last = rounds[rounds.length - 1];
    console.log(
      `round ${r + 1}: authorize_per_s=${fmt(last.perS)} raw_insert_per_s=${fmt(last.rawPerS)} authorize_p50_ms=${fmt(last.p50)} authorize_p99_ms=${fmt(last.p99)} health_p99_ms=${fmt(last.healthP99)}`,
    );
  }
  const perS = median(rounds.map((r) => r.perS));
  const rawPerS = median(rounds.map((r) => r.rawPerS));
  const p50 = median(rounds.map((r) => r.p50));
  const p99 = median(rounds.map((r) => r.p99));
  const healthP99 = median(rounds.map((r) => r.healthP99));
  console.log(
    `authorize_per_s=${fmt(perS)} raw_insert_per_s=${fmt(rawPerS)} throughput_ratio=${(perS / rawPerS).toFixed(3)} authorize_p50_ms=${fmt(p50)} authorize_p99_ms=${fmt(p99)} health_p99_ms=${fmt(healthP99)} ratio_p99=${(p99 / healthP99).toFixed(2)} agents=${AGENTS}`,
  );
} finally {
  await app.stop();
  if (!process.env.KEEP) {
    const typeIds = types.map((t) => t.id);
    await db.$executeRaw`DELETE FROM idempotency_records WHERE agent_id = ANY(${agents.map((a) => a.agent.id)}::uuid[])`;
    await db.$executeRaw`DELETE FROM actions WHERE action_type_id = ANY(${typeIds}::uuid[])`;
    // The run's audit events stay: the audit log is append-only and hash-chained (docs/audit-log.md).
    await db.$executeRaw`DELETE FROM action_types WHERE id = ANY(${typeIds}::uuid[])`;
    await db.$executeRaw`DELETE FROM agents WHERE name LIKE ${`bench-authorize-${tag}-%`}`;
  }
  await db.$disconnect();
}
process.exit(0);
