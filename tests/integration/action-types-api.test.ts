import { describe, expect, it } from "vitest";
import * as actionsRoute from "../../app/api/v1/actions/route";
import * as typeRoute from "../../app/api/v1/action-types/[key]/route";
import { createPersonalToken } from "../../lib/tokens";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// Policy as code (PATCH /api/v1/action-types/{key}) as an outsider drives it: a refused request
// writes nothing, a level change never lands on a level nobody saw, any JSON Schema works.

useRouteDb();
const db = useTestDb();
const typeKey = () => `api.${uniq("t").replace(/-/g, "_")}`;

async function manager() {
  const { actor } = await makeUser(db, "manager");
  const { token } = await createPersonalToken(db, actor, { name: "ci" });
  return (key: string, body: unknown) => call(typeRoute.PATCH, { method: "PATCH", key: token, params: { key }, body });
}

describe("PATCH /api/v1/action-types/{key}", () => {
  it("refused as a whole: guardrails are not saved when the level change is refused", async () => {
    const patch = await manager();
    const key = typeKey();
    await db.actionType.create({ data: { key, level: 3 } });
    const guardrails = { blocked: true, riskLabel: "high", description: "pilot" };
    // Refused for what it lacks, and refused late (not eligible, after the guardrails were applied
    // inside the transaction): either way nothing of it is kept.
    for (const body of [{ ...guardrails, level: 2, reason: "not eligible yet" }, { ...guardrails, level: 2, expectedLevel: 3, reason: "not eligible yet" }]) {
      const res = await patch(key, body);
      expect(res.status).toBe(422);
      const after = await db.actionType.findUniqueOrThrow({ where: { key } });
      expect(after).toMatchObject({ level: 3, blocked: false, riskLabel: null, description: null, version: 1 });
      expect(await db.auditEvent.count({ where: { targetId: after.id } })).toBe(0);
    }
  });

  it("never applies a level change to a level the caller did not see", async () => {
    const patch = await manager();
    const key = typeKey();
    // Someone promoted the type to level 1 while this caller still thought it was at 3.
    await db.actionType.create({ data: { key, level: 1 } });
    const blind = await patch(key, { level: 2, reason: "promote to approval", override: true });
    expect(blind.status).toBe(422);
    expect(blind.body.fieldErrors).toEqual([expect.objectContaining({ path: "expectedLevel" })]);
    const stale = await patch(key, { level: 2, expectedLevel: 3, reason: "promote to approval", override: true });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentLevel: 1 });
    expect((await db.actionType.findUniqueOrThrow({ where: { key } })).level).toBe(1);
  });

  it("five managers promoting 3 → 2 at once: one succeeds, none goes further", async () => {
    const patch = await manager();
    const key = typeKey();
    await db.actionType.create({ data: { key, level: 3 } });
    const results = await Promise.all(Array.from({ length: 5 }, () => patch(key, { level: 2, expectedLevel: 3, reason: "pilot", override: true })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const t = await db.actionType.findUniqueOrThrow({ where: { key } });
    expect(t.level).toBe(2);
    expect(await db.autonomyChange.count({ where: { actionTypeId: t.id } })).toBe(1);
  });

  it("a version that is not the current one refuses the whole request (409)", async () => {
    const patch = await manager();
    const key = typeKey();
    await db.actionType.create({ data: { key, level: 3, version: 4 } });
    expect((await patch(key, { blocked: true, version: 3 })).status).toBe(409);
    expect((await patch(key, { blocked: true, version: 4 })).status).toBe(200);
    expect(await db.actionType.findUniqueOrThrow({ where: { key } })).toMatchObject({ blocked: true, version: 5 });
  });

  it("any JSON Schema works as a payload schema, $id included, and can be replaced", async () => {
    const patch = await manager();
    const { key: agentKey } = await makeAgent(db);
    const key = typeKey();
    await db.actionType.create({ data: { key, level: 3 } });
    const schema = (max: number) => ({ $id: "https://example.test/refund.json", type: "object", properties: { amount: { type: "number", maximum: max } } });
    const ask = (amount: number) => call(actionsRoute.POST, { method: "POST", key: agentKey, body: { type: key, payload: { amount } } });

    expect((await patch(key, { payloadSchema: schema(100) })).status).toBe(200);
    expect((await ask(50)).status).toBe(201);
    expect((await ask(500)).status).toBe(422);
    expect((await patch(key, { payloadSchema: schema(1000) })).status).toBe(200);
    expect((await ask(500)).status).toBe(201);
    // Another type with the same $id keeps its own rules.
    const other = typeKey();
    await db.actionType.create({ data: { key: other, level: 3 } });
    expect((await patch(other, { payloadSchema: { $id: "https://example.test/refund.json", type: "object", required: ["note"] } })).status).toBe(200);
    expect((await call(actionsRoute.POST, { method: "POST", key: agentKey, body: { type: other, payload: { amount: 1 } } })).status).toBe(422);
    expect((await ask(500)).status).toBe(201);
  });
});
