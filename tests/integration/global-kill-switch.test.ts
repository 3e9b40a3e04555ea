import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as actionsRoute from "../../app/api/v1/actions/route";
import * as actionRoute from "../../app/api/v1/actions/[id]/route";
import * as killSwitchRoute from "../../app/api/v1/kill-switch/route";
import * as runsRoute from "../../app/api/v1/runs/route";
import * as spansRoute from "../../app/api/v1/runs/[id]/spans/route";
import { closeDb, createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { stopWatching } from "../../lib/notify";
import { killSwitchChange, killSwitchView } from "../../lib/switches/schemas";
import { createPersonalToken } from "../../lib/tokens";
import { call } from "../helpers/call-route";
import { makeAgent, makeUser } from "../helpers/factories";
import { createScratchDatabase, dropDatabase } from "../helpers/pg-server";

// The global kill switch, on a database of this file's own: on the shared one it would halt the
// agents of every other test file running meanwhile.

let db: Db;
let name = "";

beforeAll(async () => {
  const s = await createScratchDatabase("global_switch");
  name = s.name;
  await applyMigrations({ kind: "postgres", url: s.url });
  process.env.DATABASE_URL = s.url; // the routes' getDb() and the LISTEN connection
  db = createDb({ kind: "postgres", url: s.url }, { poolMax: 3 });
});
afterAll(async () => {
  await stopWatching();
  await closeDb();
  await db?.$disconnect();
  if (name) await dropDatabase(name);
});

describe("the global kill switch", () => {
  it("PUT on halts every agent's pending actions (waking their long-polls) and every later request; off lets them act again", async () => {
    const [a, b] = [await makeAgent(db), await makeAgent(db)];
    await db.actionType.create({ data: { key: "global.send_email", level: 2 } });
    const runId = (await call(runsRoute.POST, { method: "POST", key: a.key, body: {} })).body.id as string;
    const created = await Promise.all([a, b].map((x) => call(actionsRoute.POST, { method: "POST", key: x.key, body: { type: "global.send_email", payload: {} } })));
    const polls = created.map((c, i) => call(actionRoute.GET, { key: [a, b][i].key, params: { id: c.body.id }, path: `/api/v1/actions/${c.body.id}?wait=30` }));
    await new Promise((r) => setTimeout(r, 150));

    const { actor } = await makeUser(db, "admin");
    const { token } = await createPersonalToken(db, actor, { name: "ci" });
    expect(killSwitchView.parse((await call(killSwitchRoute.GET, { key: token })).body)).toMatchObject({ on: false });
    expect((await call(killSwitchRoute.PUT, { method: "PUT", key: a.key, body: { on: true } })).status).toBe(403);

    const on = await call(killSwitchRoute.PUT, { method: "PUT", key: token, body: { on: true, reason: "provider outage" } });
    expect(on.status).toBe(200);
    expect(killSwitchChange.parse(on.body)).toMatchObject({ on: true, changed: true, haltedActions: 2, reason: "provider outage", changedBy: actor.email });
    for (const p of await Promise.all(polls)) expect(p.body).toMatchObject({ decision: "halted", status: "halted" });

    expect((await call(actionsRoute.POST, { method: "POST", key: b.key, body: { type: "global.send_email", payload: {} } })).body).toMatchObject({
      decision: "halted",
      reason: "Halted: the global kill switch is on.",
    });
    const batch = await call(spansRoute.POST, { method: "POST", key: a.key, params: { id: runId }, body: { spans: [{ name: "x", startTime: new Date().toISOString() }] } });
    expect(batch.body).toMatchObject({ continue: false, reason: "The global kill switch is on." });

    const again = await call(killSwitchRoute.PUT, { method: "PUT", key: token, body: { on: true } });
    expect(again.body).toMatchObject({ on: true, changed: false, haltedActions: 0 });
    expect((await db.incident.findMany()).map((i) => [i.kind, i.severity])).toEqual([["kill_switch_on", "critical"]]);

    const off = await call(killSwitchRoute.PUT, { method: "PUT", key: token, body: { on: false } });
    expect(off.body).toMatchObject({ on: false, changed: true, reason: null });
    expect((await call(actionsRoute.POST, { method: "POST", key: b.key, body: { type: "global.send_email", payload: {} } })).body.decision).toBe("wait");
    expect((await db.auditEvent.findMany({ where: { targetType: "global" }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["kill_switch.on", "kill_switch.off"]);
  });

  it("turning it off again is a no-op, and a malformed body is refused", async () => {
    const { actor } = await makeUser(db, "manager");
    const { token } = await createPersonalToken(db, actor, { name: "ci" });
    const before = await db.incident.count();
    const res = await call(killSwitchRoute.PUT, { method: "PUT", key: token, body: { on: false } });
    expect(res.body).toMatchObject({ on: false, changed: false });
    expect(await db.incident.count()).toBe(before);
    const bad = await call(killSwitchRoute.PUT, { method: "PUT", key: token, body: { on: "yes" } });
    expect(bad.status).toBe(422);
  });
});
