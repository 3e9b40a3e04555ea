import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { revokeApiKey } from "../../lib/agents";
import { createPersonalToken } from "../../lib/tokens";
import { startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// The agent API caches keys, action types and the global switch per instance. A change made
// anywhere must still take effect for the very next request on every instance: two instances,
// each warmed up so its caches hold the old state, then a change, then the next request.

const db = useTestDb();
let a: AppServer;
let b: AppServer;

beforeAll(async () => {
  [a, b] = await Promise.all([startApp({ databaseUrl: inject("databaseUrl") }), startApp({ databaseUrl: inject("databaseUrl") })]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const ask = (app: AppServer, key: string, type: string, extra: Record<string, unknown> = {}) =>
  fetch(`${app.url}/api/v1/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ type, payload: { n: 1 }, ...extra }),
  });

/** Several requests through both instances, so both have the key, the type and the switch cached. */
async function warm(key: string, type: string) {
  for (const app of [a, b, a, b]) expect((await ask(app, key, type)).status).toBe(201);
}

describe("per-instance caches on the hot path", () => {
  it("a revoked key is refused on the next request, on every instance", async () => {
    const { agent, key, keyId } = await makeAgent(db);
    const type = `cache.${uniq("k").replace(/-/g, "_")}`;
    await warm(key, type);
    const { actor } = await makeUser(db, "manager");
    await revokeApiKey(db, actor, agent.id, keyId);
    expect((await ask(a, key, type)).status).toBe(401);
    expect((await ask(b, key, type)).status).toBe(401);
    expect(await db.action.count({ where: { agentId: agent.id } })).toBe(4);
  });

  it("an agent's kill switch halts the next request on every instance, and turning it off resumes", async () => {
    const { agent, key } = await makeAgent(db);
    const type = `cache.${uniq("s").replace(/-/g, "_")}`;
    await warm(key, type);
    await db.agent.update({ where: { id: agent.id }, data: { killSwitch: true } });
    for (const app of [a, b]) expect(await (await ask(app, key, type)).json()).toMatchObject({ decision: "halted", reason: expect.stringMatching(/agent's kill switch/) });
    await db.agent.update({ where: { id: agent.id }, data: { killSwitch: false } });
    for (const app of [a, b]) expect(await (await ask(app, key, type)).json()).toMatchObject({ decision: "draft" });
  });

  it("the global kill switch halts the next request on every instance", async () => {
    const { key } = await makeAgent(db);
    const type = `cache.${uniq("g").replace(/-/g, "_")}`;
    await warm(key, type);
    await db.setting.upsert({ where: { key: "kill_switch.global" }, create: { key: "kill_switch.global", value: true }, update: { value: true } });
    try {
      for (const app of [a, b]) expect(await (await ask(app, key, type)).json()).toMatchObject({ decision: "halted", reason: expect.stringMatching(/global kill switch/) });
    } finally {
      await db.setting.update({ where: { key: "kill_switch.global" }, data: { value: false } });
    }
    for (const app of [a, b]) expect(await (await ask(app, key, type)).json()).toMatchObject({ decision: "draft" });
  });

  it("a type's new level, guardrails or kill switch apply to the next request on every instance", async () => {
    const { key } = await makeAgent(db);
    const type = `cache.${uniq("t").replace(/-/g, "_")}`;
    await warm(key, type);
    const { actor } = await makeUser(db, "manager");
    const { token } = await createPersonalToken(db, actor, { name: "ci" });
    // Through instance B's API: level 3 → 2 (override) and a payload schema.
    const patched = await fetch(`${b.url}/api/v1/action-types/${type}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ level: 2, expectedLevel: 3, reason: "pilot", override: true, payloadSchema: { type: "object", required: ["n"] } }),
    });
    expect(patched.status).toBe(200);
    expect(await (await ask(a, key, type)).json()).toMatchObject({ decision: "wait", level: 2 });
    expect((await fetch(`${a.url}/api/v1/actions`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ type, payload: { m: 1 } }) })).status).toBe(422);
    // A write straight to the database (no version bump by hand): the trigger still bumps it.
    await db.$executeRaw`UPDATE action_types SET kill_switch = true WHERE key = ${type}`;
    for (const app of [a, b]) expect(await (await ask(app, key, type)).json()).toMatchObject({ decision: "halted" });
  });

  it("a halted run halts the next request naming it, though the run is never cached", async () => {
    const { key } = await makeAgent(db);
    const type = `cache.${uniq("r").replace(/-/g, "_")}`;
    const run = await (await fetch(`${a.url}/api/v1/runs`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: "{}" })).json();
    expect(await (await ask(a, key, type, { runId: run.id })).json()).toMatchObject({ decision: "draft" });
    await db.run.update({ where: { id: run.id }, data: { status: "halted", haltReason: "budget of $1.00 per run exceeded" } });
    expect(await (await ask(b, key, type, { runId: run.id })).json()).toMatchObject({ decision: "halted", reason: expect.stringMatching(/budget of \$1.00/) });
    // Another agent's run is not found, cached or not.
    const other = await makeAgent(db);
    expect((await ask(a, other.key, type, { runId: run.id })).status).toBe(404);
  });
});
