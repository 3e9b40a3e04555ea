import { describe, expect, it } from "vitest";
import * as actionsRoute from "../../app/api/v1/actions/route";
import * as agentRoute from "../../app/api/v1/agents/[id]/route";
import * as runsRoute from "../../app/api/v1/runs/route";
import * as spansRoute from "../../app/api/v1/runs/[id]/spans/route";
import { agentControlsView } from "../../lib/agents/schemas";
import { readSpend } from "../../lib/budgets";
import { createPersonalToken } from "../../lib/tokens";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// Spend per agent and window: alert thresholds raise one incident per window, the daily hard cap
// turns the agent's kill switch on, and the counters stay exact under concurrent batches.

useRouteDb();
const db = useTestDb();

const startRun = async (key: string) => (await call(runsRoute.POST, { method: "POST", key, body: {} })).body.id as string;
let n = 0;
const batch = (key: string, runId: string, costUsd: number, count = 1) =>
  call(spansRoute.POST, {
    method: "POST",
    key,
    params: { id: runId },
    body: { spans: Array.from({ length: count }, () => ({ kind: "llm", name: "chat", startTime: new Date(Date.UTC(2026, 10, 26, 10, 0, n++)).toISOString(), costUsd, inputTokens: 10 })) },
  });

describe("spend caps per agent", () => {
  it("the hourly and daily alert thresholds raise one incident per window, however many batches are over them", async () => {
    const { key, agent } = await makeAgent(db);
    await db.agent.update({ where: { id: agent.id }, data: { hourlySpendAlertMicros: 10_000n, dailySpendAlertMicros: 20_000n } });
    const runs = [await startRun(key), await startRun(key)];
    for (let i = 0; i < 6; i++) expect((await batch(key, runs[i % 2], 0.006)).body.continue).toBe(true);
    const incidents = await db.incident.findMany({ where: { agentId: agent.id }, orderBy: { createdAt: "asc" } });
    expect(incidents.map((i) => i.kind)).toEqual(["spend_alert_hourly", "spend_alert_daily"]);
    expect(incidents[0].title).toBe(`${agent.name}: spend this hour $0.012 is over the alert threshold of $0.01`);
    expect(incidents[0].dedupeKey).toMatch(new RegExp(`^spend_alert:hour:${agent.id}:`));
    expect(await readSpend(db, agent.id)).toEqual({ hourMicros: 36_000n, dayMicros: 36_000n });
  });

  it("the daily hard cap turns the agent's kill switch on: its next batch says stop and its next request is halted", async () => {
    const { key, agent } = await makeAgent(db);
    await db.agent.update({ where: { id: agent.id }, data: { dailySpendCapMicros: 20_000n } });
    const runId = await startRun(key);
    const type = `caps.${uniq("t").replace(/-/g, "_")}`;
    await db.actionType.create({ data: { key: type, level: 2 } });
    const pending = await call(actionsRoute.POST, { method: "POST", key, body: { runId, type, payload: {} } });
    expect(pending.body.decision).toBe("wait");

    expect((await batch(key, runId, 0.02)).body.continue).toBe(true); // exactly at the cap
    const crossing = await batch(key, runId, 0.000001);
    expect(crossing.body).toMatchObject({ continue: false, reason: "Daily hard cap reached: spend today (UTC): $0.020001, over $0.02. The agent's kill switch is now on." });
    expect((await batch(key, runId, 0)).body).toMatchObject({ continue: false, reason: "This agent's kill switch is on." });

    expect(await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).toMatchObject({
      killSwitch: true,
      killSwitchReason: "Daily hard cap reached: spend today (UTC): $0.020001, over $0.02.",
    });
    expect(await db.action.findUniqueOrThrow({ where: { id: pending.body.id } })).toMatchObject({ status: "halted" });
    const next = await call(actionsRoute.POST, { method: "POST", key, body: { type, payload: {} } });
    expect(next.body).toMatchObject({ decision: "halted", reason: "Halted: this agent's kill switch is on." });
    const incidents = await db.incident.findMany({ where: { agentId: agent.id } });
    expect(incidents.map((i) => [i.kind, i.severity])).toEqual([["spend_cap_reached", "critical"]]);
    expect(await db.auditEvent.count({ where: { targetId: agent.id, action: "kill_switch.on", actorType: "system" } })).toBe(1);

    // A manager turns the switch off: the agent may go on today; the same cap does not trip again.
    const { actor } = await makeUser(db, "manager");
    const { token } = await createPersonalToken(db, actor, { name: "ci" });
    const off = await call(agentRoute.PATCH, { method: "PATCH", key: token, params: { id: agent.id }, body: { killSwitch: false, reason: "cap raised tomorrow" } });
    expect(off.status).toBe(200);
    expect(agentControlsView.parse(off.body)).toMatchObject({ killSwitch: { on: false }, limits: { dailySpendCapUsd: 0.02 }, spend: { todayUsd: 0.020001 } });
    expect((await batch(key, runId, 0.01)).body.continue).toBe(true);
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).killSwitch).toBe(false);
    // Lowering the cap below today's spend is a new line crossed: it trips again.
    await call(agentRoute.PATCH, { method: "PATCH", key: token, params: { id: agent.id }, body: { dailySpendCapUsd: 0.025 } });
    expect((await batch(key, runId, 0.001)).body.continue).toBe(false);
    expect(await db.incident.count({ where: { agentId: agent.id, kind: "spend_cap_reached" } })).toBe(2);
  });

  it("50 concurrent batches keep the run totals and the agent's spend exact", async () => {
    const { key, agent } = await makeAgent(db);
    const runs = await Promise.all(Array.from({ length: 5 }, () => startRun(key)));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => batch(key, runs[i % 5], 0.000123, 10)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const totals = await db.run.aggregate({ where: { agentId: agent.id }, _sum: { costMicros: true, inputTokens: true, spanCount: true } });
    expect(totals._sum).toEqual({ costMicros: 61_500n, inputTokens: 5_000n, spanCount: 500 });
    expect((await readSpend(db, agent.id)).dayMicros).toBe(61_500n);
    const shards = await db.agentSpendHourly.findMany({ where: { agentId: agent.id } });
    expect(shards.reduce((s, r) => s + r.costMicros, 0n)).toBe(61_500n);
    expect(shards.reduce((s, r) => s + r.tokens, 0n)).toBe(5_000n);
    // Concurrent batches spread over shard rows instead of queueing on one.
    expect(shards.length).toBeGreaterThan(1);
  });
});
