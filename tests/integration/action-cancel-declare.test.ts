import { describe, expect, it } from "vitest";
import * as typesRoute from "../../app/api/v1/action-types/route";
import * as actionsRoute from "../../app/api/v1/actions/route";
import * as actionRoute from "../../app/api/v1/actions/[id]/route";
import * as cancelRoute from "../../app/api/v1/actions/[id]/cancel/route";
import { decideAction, recordDraftOutcome } from "../../lib/actions";
import { actionTypeView } from "../../lib/action-types/schemas";
import { actionView } from "../../lib/actions/schemas";
import { listQueue } from "../../lib/review";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// An agent withdraws its own pending action (POST /api/v1/actions/{id}/cancel), and declares an
// action type with its payload schema before the first request (POST /api/v1/action-types):
// what the MCP gateway relies on.

useRouteDb();
const db = useTestDb();

const typeKey = () => `cancel.${uniq("t").replace(/-/g, "_")}`;
const ask = (key: string, body: unknown) => call(actionsRoute.POST, { method: "POST", key, body });
const cancel = (key: string, id: string, body?: unknown, headers: Record<string, string> = {}) =>
  call(cancelRoute.POST, { method: "POST", key, params: { id }, body, headers });
const declare = (key: string, body: unknown) => call(typesRoute.POST, { method: "POST", key, body });

async function pendingAction(level: 2 | 3 = 2) {
  const agent = await makeAgent(db);
  const type = typeKey();
  await db.actionType.create({ data: { key: type, level } });
  const res = await ask(agent.key, { type, payload: { amount: 10 } });
  expect(res.body.status).toBe("pending");
  return { ...agent, type, id: res.body.id as string };
}

describe("POST /api/v1/actions/{id}/cancel", () => {
  it("withdraws a pending action exactly once: status cancelled, audit event, out of the queue, a late decision is 409", async () => {
    const { key, id, type } = await pendingAction();
    const { actor } = await makeUser(db, "reviewer");
    expect((await listQueue(db, actor, { kind: "approval", type })).items.map((i) => i.id)).toEqual([id]);

    const res = await cancel(key, id, { reason: "the user closed the chat" });
    expect(res.status).toBe(200);
    expect(actionView.strict().parse(res.body)).toMatchObject({ id, status: "cancelled", decision: "rejected", decisionReason: "the user closed the chat" });

    expect((await listQueue(db, actor, { kind: "approval", type })).items).toEqual([]);
    const events = await db.auditEvent.findMany({ where: { targetType: "action", targetId: id, action: "action.cancelled" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "agent", after: { status: "cancelled", reason: "the user closed the chat" } });

    // Again: a no-op that answers the same, with no second event.
    expect((await cancel(key, id)).body).toMatchObject({ status: "cancelled" });
    expect(await db.auditEvent.count({ where: { targetId: id, action: "action.cancelled" } })).toBe(1);

    const late = decideAction(db, actor, id, { decision: "approve" });
    await expect(late).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("cancelled") });
  });

  it("wakes a long-poll waiting for the decision", async () => {
    const { key, id } = await pendingAction();
    const waiting = call(actionRoute.GET, { key, params: { id }, path: `/api/v1/actions/${id}?wait=30` });
    await new Promise((r) => setTimeout(r, 200));
    await cancel(key, id);
    // Still pending at the end of the wait would read "wait"; the waiter sees the withdrawal.
    expect((await waiting).body).toMatchObject({ status: "cancelled", decision: "rejected" });
  });

  it("withdraws a draft too; a decided action is 409 with its status; another agent's is 404", async () => {
    const draft = await pendingAction(3);
    expect((await cancel(draft.key, draft.id)).body.status).toBe("cancelled");

    const { key, id } = await pendingAction();
    const { actor } = await makeUser(db, "reviewer");
    await decideAction(db, actor, id, { decision: "approve" });
    const refused = await cancel(key, id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "conflict", actionStatus: "approved" });
    expect((await db.action.findUniqueOrThrow({ where: { id } })).status).toBe("approved");

    const other = await pendingAction();
    expect((await cancel(key, other.id)).status).toBe(404);
    expect((await db.action.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("pending");
    expect((await cancel(key, "not-a-uuid")).status).toBe(404);
  });

  it("races a reviewer: exactly one of the cancellation and the decision wins", async () => {
    for (let i = 0; i < 5; i++) {
      const { key, id } = await pendingAction(3);
      const { actor } = await makeUser(db, "reviewer");
      const [cancelled, decided] = await Promise.allSettled([cancel(key, id), recordDraftOutcome(db, actor, id, { outcome: "as_proposed" })]);
      const row = await db.action.findUniqueOrThrow({ where: { id } });
      const cancelWon = cancelled.status === "fulfilled" && cancelled.value.status === 200;
      const decisionWon = decided.status === "fulfilled";
      expect(cancelWon !== decisionWon, `round ${i}: exactly one wins`).toBe(true);
      expect(row.status).toBe(cancelWon ? "cancelled" : "drafted");
      if (!cancelWon && cancelled.status === "fulfilled") expect(cancelled.value.status).toBe(409);
    }
  });

  it("takes an optional reason only, and an Idempotency-Key like every POST", async () => {
    const { key, id } = await pendingAction();
    const bad = await cancel(key, id, { reason: "x", extra: true });
    expect(bad.status).toBe(422);
    expect((await db.action.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    const first = await cancel(key, id, undefined, { "idempotency-key": uniq("k") });
    expect(first.body).toMatchObject({ status: "cancelled", decisionReason: "Withdrawn by the agent." });
  });
});

describe("POST /api/v1/action-types (declare)", () => {
  const schema = { type: "object", properties: { to: { type: "string" }, subject: { type: "string" } }, required: ["to"], additionalProperties: false };

  it("creates an unseen type at level 3 with its payload schema; requests and reviewers' edits must satisfy it", async () => {
    const { key } = await makeAgent(db);
    const type = typeKey();
    const res = await declare(key, { key: type, description: "Sends an e-mail (MCP tool send_email)", payloadSchema: schema });
    expect(res.status).toBe(201);
    expect(actionTypeView.strict().parse(res.body)).toMatchObject({ key: type, level: 3, payloadSchema: schema, description: "Sends an e-mail (MCP tool send_email)" });
    expect(await db.auditEvent.count({ where: { action: "action_type.declared", targetId: res.body.id } })).toBe(1);

    expect((await ask(key, { type, payload: { subject: "no recipient" } })).status).toBe(422);
    await db.actionType.update({ where: { key: type }, data: { level: 2 } });
    const id = (await ask(key, { type, payload: { to: "a@example.test" } })).body.id;
    const { actor } = await makeUser(db, "reviewer");
    await expect(decideAction(db, actor, id, { decision: "approve", payload: { to: "b@example.test", bcc: "x" } })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("returns an existing type unchanged (200), never raising what managers set", async () => {
    const { key } = await makeAgent(db);
    const type = typeKey();
    await db.actionType.create({ data: { key: type, level: 2, description: "set by a manager" } });
    const res = await declare(key, { key: type, description: "the agent's", payloadSchema: schema });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: type, level: 2, description: "set by a manager", payloadSchema: null });
    expect(await db.auditEvent.count({ where: { action: "action_type.declared", targetId: res.body.id } })).toBe(0);
  });

  it("refuses an invalid schema or key with 422 and creates nothing; concurrent declarations create one type", async () => {
    const { key } = await makeAgent(db);
    const type = typeKey();
    const bad = await declare(key, { key: type, payloadSchema: { type: "object", properties: { n: { type: "nonsense" } } } });
    expect(bad.status).toBe(422);
    expect(bad.body.fieldErrors[0].path).toBe("payloadSchema");
    expect((await declare(key, { key: "Not A Key" })).status).toBe(422);
    expect(await db.actionType.count({ where: { key: type } })).toBe(0);

    const all = await Promise.all(Array.from({ length: 5 }, () => declare(key, { key: type, payloadSchema: schema })));
    expect(all.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await db.auditEvent.count({ where: { action: "action_type.declared", targetId: all[0].body.id } })).toBe(1);
  });

  it("is for agent keys only", async () => {
    const res = await declare("wdp_not_an_agent_key", { key: typeKey() });
    expect(res.status).toBe(401);
  });
});
