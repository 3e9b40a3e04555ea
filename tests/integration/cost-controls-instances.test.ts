import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { createPersonalToken } from "../../lib/tokens";
import { startApp, type AppServer } from "../helpers/app-server";
import { makeAgent, makeUser } from "../helpers/factories";
import { createScratchDatabase, dropDatabase } from "../helpers/pg-server";

// Two app instances on one Postgres of this file's own (the global switch would halt every other
// file's agents): span batches spread over both keep every counter exact and raise each alert
// once; a kill switch flipped through one instance halts the next request and wakes a waiting
// long-poll on the other.

let db: Db;
let name = "";
let a: AppServer;
let b: AppServer;

beforeAll(async () => {
  const s = await createScratchDatabase("instances_cc");
  name = s.name;
  await applyMigrations({ kind: "postgres", url: s.url });
  db = createDb({ kind: "postgres", url: s.url }, { poolMax: 4 });
  [a, b] = await Promise.all([startApp({ databaseUrl: s.url }), startApp({ databaseUrl: s.url })]);
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.$disconnect();
  if (name) await dropDatabase(name);
});

const post = (server: AppServer, key: string, path: string, body: unknown, method = "POST") =>
  fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("cost controls across instances", () => {
  it("50 concurrent batches through two instances keep run totals and spend counters exact, and raise the hourly alert once", async () => {
    const { agent, key } = await makeAgent(db);
    await db.agent.update({ where: { id: agent.id }, data: { hourlySpendAlertMicros: 10_000n } });
    const runs = await Promise.all(Array.from({ length: 5 }, async () => (await (await post(a, key, "/api/v1/runs", {})).json()).id as string));
    const started = new Date().toISOString();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(i % 2 ? b : a, key, `/api/v1/runs/${runs[i % 5]}/spans`, {
          spans: Array.from({ length: 10 }, () => ({ kind: "llm", name: "chat", startTime: started, costUsd: 0.000123, inputTokens: 7, outputTokens: 3 })),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const totals = await db.run.aggregate({ where: { agentId: agent.id }, _sum: { costMicros: true, inputTokens: true, outputTokens: true, spanCount: true } });
    expect(totals._sum).toEqual({ costMicros: 61_500n, inputTokens: 3_500n, outputTokens: 1_500n, spanCount: 500 });
    const shards = await db.agentSpendHourly.findMany({ where: { agentId: agent.id } });
    expect(shards.reduce((s, r) => s + r.costMicros, 0n)).toBe(61_500n);
    expect(shards.reduce((s, r) => s + r.tokens, 0n)).toBe(5_000n);
    // Many batches on both instances were over the threshold; the window has one incident.
    expect(await db.incident.count({ where: { agentId: agent.id, kind: "spend_alert_hourly" } })).toBe(1);
  });

  it("a global kill switch flipped through one instance wakes a long-poll on the other with halted and halts its next request", async () => {
    const { key } = await makeAgent(db);
    await db.actionType.create({ data: { key: "instances.pay", level: 2 } });
    const created = await (await post(b, key, "/api/v1/actions", { type: "instances.pay", payload: { amount: 5 } })).json();
    expect(created.decision).toBe("wait");
    const waiting = fetch(`${b.url}/api/v1/actions/${created.id}?wait=30`, { headers: { authorization: `Bearer ${key}` } }).then(async (r) => ({ body: await r.json(), at: performance.now() }));
    await new Promise((r) => setTimeout(r, 200)); // the waiter subscribes on instance B

    const { actor } = await makeUser(db, "manager");
    const { token } = await createPersonalToken(db, actor, { name: "ci" });
    const flipped = performance.now();
    const on = await post(a, token, "/api/v1/kill-switch", { on: true, reason: "provider incident" }, "PUT");
    expect(on.status).toBe(200);
    expect(await on.json()).toMatchObject({ on: true, changed: true, haltedActions: 1 });

    const woke = await waiting;
    expect(woke.body).toMatchObject({ decision: "halted", status: "halted" });
    console.log(`long-poll on instance B answered halted ${(woke.at - flipped).toFixed(0)} ms after the flip was sent to instance A`);
    // Well before its 30 s wait ran out: the wake-up, not the wait's end, answered it.
    expect(woke.at - flipped).toBeLessThan(30_000);
    const next = await (await post(b, key, "/api/v1/actions", { type: "instances.pay", payload: {} })).json();
    expect(next).toMatchObject({ decision: "halted", reason: "Halted: the global kill switch is on." });

    expect((await post(b, token, "/api/v1/kill-switch", { on: false }, "PUT")).status).toBe(200);
    expect((await (await post(a, key, "/api/v1/actions", { type: "instances.pay", payload: {} })).json()).decision).toBe("wait");
  });
});
