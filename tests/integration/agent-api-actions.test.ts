import { describe, expect, it } from "vitest";
import * as actionsRoute from "../../app/api/v1/actions/route";
import * as actionRoute from "../../app/api/v1/actions/[id]/route";
import * as resultRoute from "../../app/api/v1/actions/[id]/result/route";
import * as runsRoute from "../../app/api/v1/runs/route";
import * as scoresRoute from "../../app/api/v1/scores/route";
import { decideAction } from "../../lib/actions";
import { actionView } from "../../lib/actions/schemas";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

useRouteDb();
const db = useTestDb();

const typeKey = () => `test.${uniq("t").replace(/-/g, "_")}`;
const ask = (key: string, body: unknown, headers: Record<string, string> = {}) =>
  call(actionsRoute.POST, { method: "POST", key, body, headers });

describe("POST /api/v1/actions", () => {
  it("registers an unknown type at level 3 and answers draft", async () => {
    const { key } = await makeAgent(db);
    const type = typeKey();
    const res = await ask(key, { type, payload: { to: "a@b.c" }, confidence: 0.9, rationale: "because" });
    expect(res.status).toBe(201);
    const view = actionView.parse(res.body);
    expect(view).toMatchObject({ type, decision: "draft", status: "pending", level: 3, payload: { to: "a@b.c" } });
    expect(await db.actionType.findUnique({ where: { key: type } })).toMatchObject({ level: 3 });
  });

  it("routes by level: 0 execute, 1 execute (audited), 2 wait", async () => {
    const { key } = await makeAgent(db);
    const [t0, t1, t2] = [typeKey(), typeKey(), typeKey()];
    await db.actionType.createMany({ data: [{ key: t0, level: 0 }, { key: t1, level: 1, auditSampleRate: 1 }, { key: t2, level: 2 }] });
    expect((await ask(key, { type: t0, payload: {} })).body).toMatchObject({ decision: "execute", status: "approved", level: 0 });
    const audited = await ask(key, { type: t1, payload: {} });
    expect(audited.body).toMatchObject({ decision: "execute", level: 1 });
    expect((await db.action.findUniqueOrThrow({ where: { id: audited.body.id } })).auditSampled).toBe(true);
    expect((await ask(key, { type: t2, payload: {} })).body).toMatchObject({ decision: "wait", status: "pending", level: 2 });
  });

  it("halts when a kill switch is on", async () => {
    const { key, agent } = await makeAgent(db);
    const t = typeKey();
    await db.actionType.create({ data: { key: t, level: 0, killSwitch: true } });
    expect((await ask(key, { type: t, payload: {} })).body).toMatchObject({ decision: "halted", status: "halted" });
    await db.agent.update({ where: { id: agent.id }, data: { killSwitch: true } });
    expect((await ask(key, { type: typeKey(), payload: {} })).body.decision).toBe("halted");
  });

  it("rejects a payload that fails the type's JSON Schema with 422 and stores nothing", async () => {
    const { key, agent } = await makeAgent(db);
    const t = typeKey();
    await db.actionType.create({
      data: {
        key: t,
        level: 0,
        payloadSchema: { type: "object", properties: { amount: { type: "number", maximum: 100 } }, required: ["amount"], additionalProperties: false },
      },
    });
    const res = await ask(key, { type: t, payload: { amount: 500, extra: 1 } });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: "payload.amount", message: "must be <= 100" },
        { path: "payload", message: 'unexpected property "extra"' },
      ]),
    );
    expect(await db.action.count({ where: { agentId: agent.id } })).toBe(0);
    expect((await ask(key, { type: t, payload: { amount: 50 } })).status).toBe(201);
  });

  it("validates the request itself", async () => {
    const { key, agent } = await makeAgent(db);
    for (const body of [
      { type: "NoDots", payload: {} },
      { type: "a.b", payload: [] },
      { type: "ok.type", payload: {}, confidence: 1.5 },
      { type: "ok.type", payload: {}, runId: "nope" },
      { payload: {} },
    ]) {
      expect((await ask(key, body)).status).toBe(422);
    }
    expect(await db.action.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("refuses another agent's run (404) and halts on a halted run", async () => {
    const a = await makeAgent(db);
    const b = await makeAgent(db);
    const run = (await call(runsRoute.POST, { method: "POST", key: a.key, body: {} })).body;
    expect((await ask(b.key, { type: typeKey(), payload: {}, runId: run.id })).status).toBe(404);
    await db.run.update({ where: { id: run.id }, data: { status: "halted", haltReason: "cost budget of $1.00 exceeded" } });
    const res = await ask(a.key, { type: typeKey(), payload: {}, runId: run.id });
    expect(res.body).toMatchObject({ decision: "halted", reason: "Halted: cost budget of $1.00 exceeded" });
  });
});

describe("GET /api/v1/actions/{id} and results", () => {
  it("returns the reviewer's edited payload once approved; only the owner sees it", async () => {
    const { key } = await makeAgent(db);
    const other = await makeAgent(db);
    const { actor } = await makeUser(db, "reviewer");
    const t = typeKey();
    await db.actionType.create({ data: { key: t, level: 2 } });
    const id = (await ask(key, { type: t, payload: { amount: 120 } })).body.id;
    expect((await call(actionRoute.GET, { key: other.key, params: { id } })).status).toBe(404);
    const waiting = call(actionRoute.GET, { key, params: { id }, path: `/api/v1/actions/${id}?wait=10` });
    await new Promise((r) => setTimeout(r, 200));
    await decideAction(db, actor, id, { decision: "approve", payload: { amount: 100 } });
    const res = await waiting;
    expect(res.body).toMatchObject({ decision: "execute", status: "approved", payload: { amount: 100 }, proposedPayload: { amount: 120 } });

    const result = await call(resultRoute.POST, { method: "POST", key, params: { id }, body: { status: "succeeded", output: { ok: true } } });
    expect(result.body).toMatchObject({ status: "executed", outcome: "succeeded" });
    const row = await db.action.findUniqueOrThrow({ where: { id } });
    expect(row.executedPayload).toEqual({ amount: 100 });
  });

  it("returns at once without wait, and after the wait when nobody decides", async () => {
    const { key } = await makeAgent(db);
    const t = typeKey();
    await db.actionType.create({ data: { key: t, level: 2 } });
    const id = (await ask(key, { type: t, payload: {} })).body.id;
    expect((await call(actionRoute.GET, { key, params: { id } })).body.decision).toBe("wait");
    const started = Date.now();
    const res = await call(actionRoute.GET, { key, params: { id }, path: `/api/v1/actions/${id}?wait=1` });
    expect(res.body.decision).toBe("wait");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await call(actionRoute.GET, { key, params: { id }, path: `/api/v1/actions/${id}?wait=61` })).status).toBe(422);
  });

  it("takes wait only as a decimal number of seconds from 0 to 60, else 422 naming the field", async () => {
    const { key } = await makeAgent(db);
    const t = typeKey();
    await db.actionType.create({ data: { key: t, level: 0 } });
    // Level 0: approved at once, so a valid wait returns without waiting.
    const id = (await ask(key, { type: t, payload: {} })).body.id;
    const get = (wait: string) => call(actionRoute.GET, { key, params: { id }, path: `/api/v1/actions/${id}?wait=${encodeURIComponent(wait)}` });

    for (const wait of ["", " ", "0x2", "0b1", "0o7", "1e1", "-1", "+1", ".5", "1.", "Infinity", "NaN", "abc", "1 ", "61", "60.5"]) {
      const res = await get(wait);
      expect(res.status, `wait=${JSON.stringify(wait)}`).toBe(422);
      expect(res.body.fieldErrors, `wait=${JSON.stringify(wait)}`).toEqual([{ path: "wait", message: expect.any(String) }]);
    }
    for (const wait of ["0", "1", "2.5", "60", "007"]) {
      const res = await get(wait);
      expect(res.status, `wait=${JSON.stringify(wait)}`).toBe(200);
      expect(res.body).toMatchObject({ id, decision: "execute" });
    }
  });

  it("refuses a result for an action that was not approved", async () => {
    const { key } = await makeAgent(db);
    const id = (await ask(key, { type: typeKey(), payload: {} })).body.id; // level 3 draft
    const res = await call(resultRoute.POST, { method: "POST", key, params: { id }, body: { status: "succeeded" } });
    expect(res.status).toBe(409);
  });
});

describe("POST /api/v1/scores", () => {
  it("scores the agent's own run or action, not another's", async () => {
    const { key } = await makeAgent(db);
    const other = await makeAgent(db);
    const run = (await call(runsRoute.POST, { method: "POST", key, body: {} })).body;
    const ok = await call(scoresRoute.POST, { method: "POST", key, body: { runId: run.id, name: "helpfulness", value: 0.8, source: "judge" } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ targetType: "run", targetId: run.id, value: 0.8 });
    expect((await call(scoresRoute.POST, { method: "POST", key: other.key, body: { runId: run.id, name: "x", value: 1, source: "rule" } })).status).toBe(404);
    expect((await call(scoresRoute.POST, { method: "POST", key, body: { name: "x", value: 1, source: "rule" } })).status).toBe(422);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response for a retry", async () => {
    const { key, agent } = await makeAgent(db);
    const body = { type: typeKey(), payload: { n: 1 } };
    const first = await ask(key, body, { "idempotency-key": "k-1" });
    const retry = await ask(key, body, { "idempotency-key": "k-1" });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.action.count({ where: { agentId: agent.id } })).toBe(1);
  });

  it("refuses the same key with a different body (422) and keys are per agent", async () => {
    const { key } = await makeAgent(db);
    const other = await makeAgent(db);
    await ask(key, { type: typeKey(), payload: { n: 1 } }, { "idempotency-key": "k-2" });
    const mismatch = await ask(key, { type: typeKey(), payload: { n: 2 } }, { "idempotency-key": "k-2" });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.detail).toMatch(/different request body/);
    expect((await ask(other.key, { type: typeKey(), payload: {} }, { "idempotency-key": "k-2" })).status).toBe(201);
  });

  it("answers 409 to a concurrent duplicate and creates exactly one action", async () => {
    const { key, agent } = await makeAgent(db);
    const body = { type: typeKey(), payload: { n: 3 } };
    const results = await Promise.all(Array.from({ length: 8 }, () => ask(key, body, { "idempotency-key": "k-3" })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await db.action.count({ where: { agentId: agent.id } })).toBe(1);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const conflict = results.find((r) => r.status === 409);
    if (conflict) expect(conflict.headers.get("retry-after")).toBe("1");
  });

  it("replays a validation error too, and rejects a malformed key", async () => {
    const { key } = await makeAgent(db);
    const bad = { type: "x", payload: {} };
    expect((await ask(key, bad, { "idempotency-key": "k-4" })).status).toBe(422);
    const again = await ask(key, bad, { "idempotency-key": "k-4" });
    expect(again.status).toBe(422);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await ask(key, { type: typeKey(), payload: {} }, { "idempotency-key": "x".repeat(201) })).status).toBe(422);
  });
});
