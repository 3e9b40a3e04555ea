import { describe, expect, it } from "vitest";
import * as actionsRoute from "../../app/api/v1/actions/route";
import * as actionRoute from "../../app/api/v1/actions/[id]/route";
import * as agentRoute from "../../app/api/v1/agents/[id]/route";
import * as typeRoute from "../../app/api/v1/action-types/[key]/route";
import * as runsRoute from "../../app/api/v1/runs/route";
import * as spansRoute from "../../app/api/v1/runs/[id]/spans/route";
import { agentControlsView } from "../../lib/agents/schemas";
import { killSwitchBlastRadius } from "../../lib/switches";
import { createPersonalToken } from "../../lib/tokens";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// Per-agent and per-type kill switches through the operator API (the global one has a file of
// its own, on its own database: it would halt every other test's agents).

useRouteDb();
const db = useTestDb();
const typeKey = () => `ks.${uniq("t").replace(/-/g, "_")}`;

async function operator(role: "manager" | "reviewer" = "manager") {
  const { actor, user } = await makeUser(db, "manager");
  const { token } = await createPersonalToken(db, actor, { name: "ci" });
  if (role !== "manager") await db.user.update({ where: { id: user.id }, data: { role } });
  return { token, actor };
}

async function waitingAction(key: string, type: string, runId?: string) {
  const created = await call(actionsRoute.POST, { method: "POST", key, body: { type, payload: { n: 1 }, ...(runId ? { runId } : {}) } });
  expect(created.body.decision).toBe("wait");
  const id = created.body.id as string;
  const started = performance.now();
  const poll = call(actionRoute.GET, { key, params: { id }, path: `/api/v1/actions/${id}?wait=30` }).then((r) => ({ ...r, ms: performance.now() - started }));
  return { id, poll };
}

describe("an agent's kill switch", () => {
  it("flipped over the API wakes a waiting long-poll with halted and halts the agent's next request and batch", async () => {
    const { key, agent } = await makeAgent(db);
    const type = typeKey();
    await db.actionType.create({ data: { key: type, level: 2 } });
    const runId = (await call(runsRoute.POST, { method: "POST", key, body: {} })).body.id as string;
    const w = await waitingAction(key, type, runId);
    await new Promise((r) => setTimeout(r, 100)); // the waiter subscribes before the flip
    const { token, actor } = await operator();
    expect(await killSwitchBlastRadius(db, actor, { kind: "agent", agentId: agent.id })).toEqual({ pendingActions: 1, runningRuns: 1 });

    const res = await call(agentRoute.PATCH, { method: "PATCH", key: token, params: { id: agent.id }, body: { killSwitch: true, reason: "runaway refunds" } });
    expect(res.status).toBe(200);
    expect(agentControlsView.parse(res.body).killSwitch).toMatchObject({ on: true, reason: "runaway refunds" });

    const woke = await w.poll;
    expect(woke.body).toMatchObject({ decision: "halted", status: "halted" });
    expect(woke.body.decisionReason).toBe(`Halted: the kill switch of agent ${agent.name} was turned on (runaway refunds).`);
    // Answered by the wake-up, long before the 30 s wait ran out.
    expect(woke.ms).toBeLessThan(30_000);

    const next = await call(actionsRoute.POST, { method: "POST", key, body: { type, payload: {} } });
    expect(next.body).toMatchObject({ decision: "halted", reason: "Halted: this agent's kill switch is on." });
    const batch = await call(spansRoute.POST, { method: "POST", key, params: { id: runId }, body: { spans: [{ name: "x", startTime: new Date().toISOString() }] } });
    expect(batch.body).toMatchObject({ continue: false, reason: "This agent's kill switch is on." });

    const incidents = await db.incident.findMany({ where: { agentId: agent.id } });
    expect(incidents.map((i) => [i.kind, i.severity])).toEqual([["kill_switch_on", "warning"]]);
    expect(incidents[0].details).toMatchObject({ scope: "agent", haltedActions: 1, reason: "runaway refunds" });
    const audit = await db.auditEvent.findMany({ where: { targetId: agent.id, action: { startsWith: "kill_switch" } } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["kill_switch.on", actor.id]]);

    // The same position again changes nothing; off is one more audit event and an info incident.
    await call(agentRoute.PATCH, { method: "PATCH", key: token, params: { id: agent.id }, body: { killSwitch: true } });
    expect(await db.incident.count({ where: { agentId: agent.id } })).toBe(1);
    await call(agentRoute.PATCH, { method: "PATCH", key: token, params: { id: agent.id }, body: { killSwitch: false } });
    expect((await db.incident.findMany({ where: { agentId: agent.id }, orderBy: { createdAt: "asc" } })).map((i) => [i.kind, i.severity])).toEqual([
      ["kill_switch_on", "warning"],
      ["kill_switch_off", "info"],
    ]);
    expect((await call(actionsRoute.POST, { method: "POST", key, body: { type, payload: {} } })).body.decision).toBe("wait");
  });

  it("is refused to agent keys and to people below manager, writing nothing; a bad limit refuses the flip too", async () => {
    const { key, agent } = await makeAgent(db);
    const { token: reviewerToken } = await operator("reviewer");
    const { token } = await operator();
    const asAgent = await call(agentRoute.PATCH, { method: "PATCH", key, params: { id: agent.id }, body: { killSwitch: true } });
    expect(asAgent.status).toBe(403);
    expect((await call(agentRoute.GET, { key, params: { id: agent.id } })).status).toBe(403);
    expect((await call(agentRoute.PATCH, { method: "PATCH", key: reviewerToken, params: { id: agent.id }, body: { killSwitch: true } })).status).toBe(403);
    expect((await call(agentRoute.GET, { key: reviewerToken, params: { id: agent.id } })).status).toBe(200);
    const bad = await call(agentRoute.PATCH, { method: "PATCH", key: token, params: { id: agent.id }, body: { killSwitch: true, runCostBudgetUsd: -1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.fieldErrors.map((f: { path: string }) => f.path)).toEqual(["runCostBudgetUsd"]);
    expect(await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).toMatchObject({ killSwitch: false, runCostBudgetMicros: null });
    expect(await db.incident.count({ where: { agentId: agent.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: agent.id, action: { not: "api_key.created" } } })).toBe(0);
  });

  it("sets the agent's limits in dollars and tokens; null removes one", async () => {
    const { agent } = await makeAgent(db);
    const { token } = await operator();
    const res = await call(agentRoute.PATCH, {
      method: "PATCH",
      key: token,
      params: { id: agent.id },
      body: { runCostBudgetUsd: 2.5, runTokenBudget: 200_000, loopThreshold: 8, hourlySpendAlertUsd: 10, dailySpendAlertUsd: 50, dailySpendCapUsd: 100 },
    });
    expect(agentControlsView.parse(res.body).limits).toEqual({
      runCostBudgetUsd: 2.5,
      runTokenBudget: 200_000,
      loopThreshold: 8,
      effectiveLoopThreshold: 8,
      hourlySpendAlertUsd: 10,
      dailySpendAlertUsd: 50,
      dailySpendCapUsd: 100,
    });
    expect(await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).toMatchObject({ runCostBudgetMicros: 2_500_000n, dailySpendCapMicros: 100_000_000n });
    const cleared = await call(agentRoute.PATCH, { method: "PATCH", key: token, params: { id: agent.id }, body: { runCostBudgetUsd: null, loopThreshold: null } });
    expect(cleared.body.limits).toMatchObject({ runCostBudgetUsd: null, loopThreshold: null, effectiveLoopThreshold: 5, runTokenBudget: 200_000 });
    expect(await db.auditEvent.count({ where: { targetId: agent.id, action: "agent.limits_updated" } })).toBe(2);
  });
});

describe("an action type's kill switch", () => {
  it("over PATCH /api/v1/action-types/{key}: halts that type's pending actions and requests only, and moves its version", async () => {
    const { key } = await makeAgent(db);
    const [stopped, other] = [typeKey(), typeKey()];
    await db.actionType.createMany({ data: [{ key: stopped, level: 2 }, { key: other, level: 2 }] });
    const w = await waitingAction(key, stopped);
    const keep = await call(actionsRoute.POST, { method: "POST", key, body: { type: other, payload: {} } });
    await new Promise((r) => setTimeout(r, 100));
    const { token } = await operator();
    const res = await call(typeRoute.PATCH, { method: "PATCH", key: token, params: { key: stopped }, body: { killSwitch: true, reason: "bad template" } });
    expect(res.status).toBe(200);
    expect(res.body.actionType).toMatchObject({ killSwitch: true, version: 2 });
    expect((await w.poll).body).toMatchObject({ decision: "halted" });
    expect(await db.action.findUniqueOrThrow({ where: { id: keep.body.id } })).toMatchObject({ status: "pending" });
    expect((await call(actionsRoute.POST, { method: "POST", key, body: { type: stopped, payload: {} } })).body).toMatchObject({
      decision: "halted",
      reason: "Halted: this action type's kill switch is on.",
    });
    expect((await call(actionsRoute.POST, { method: "POST", key, body: { type: other, payload: {} } })).body.decision).toBe("wait");
    const t = await db.actionType.findUniqueOrThrow({ where: { key: stopped } });
    expect(await db.incident.findFirst({ where: { actionTypeId: t.id } })).toMatchObject({ kind: "kill_switch_on", title: expect.stringContaining("bad template") });
    // An agent key may read the type but not flip it.
    expect((await call(typeRoute.PATCH, { method: "PATCH", key, params: { key: stopped }, body: { killSwitch: false } })).status).toBe(403);
    expect((await db.actionType.findUniqueOrThrow({ where: { key: stopped } })).killSwitch).toBe(true);
  });
});
