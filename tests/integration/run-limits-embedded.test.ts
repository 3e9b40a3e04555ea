import { describe, expect, it } from "vitest";
import { requestAction } from "../../lib/actions/request-action";
import { readSpend } from "../../lib/budgets";
import { grantRunBudget } from "../../lib/budgets";
import { recordSpans, startRun } from "../../lib/runs";
import { setKillSwitch } from "../../lib/switches";
import { useEmbeddedDb } from "../helpers/db";
import { makeAgent, makeUser } from "../helpers/factories";

// The breakers, the spend counters, a grant and a kill switch on the embedded database (PGlite):
// one backend, so a query issued outside the batch's open transaction would hang here.
const embedded = useEmbeddedDb("limits");

describe("cost controls on embedded Postgres", () => {
  it("trips a budget and a loop, counts spend, grants and flips a switch", async () => {
    const db = embedded();
    const { agent, keyId } = await makeAgent(db);
    const who = { agentId: agent.id, agentName: agent.name, keyId };
    await db.agent.update({ where: { id: agent.id }, data: { runCostBudgetMicros: 10_000n, dailySpendCapMicros: 1_000_000n, loopThreshold: 2 } });
    await db.actionType.create({ data: { key: "embedded.pay", level: 2 } });
    const at = () => new Date().toISOString();

    const run = await startRun(db, who, {});
    const pending = await requestAction(db, who, { runId: run.id, type: "embedded.pay", payload: {} });
    expect((await recordSpans(db, who, run.id, { spans: [{ name: "chat", kind: "llm", startTime: at(), costUsd: 0.006 }] })).continue).toBe(true);
    const over = await recordSpans(db, who, run.id, { spans: [{ name: "chat", kind: "llm", startTime: at(), costUsd: 0.006 }] });
    expect(over).toMatchObject({ continue: false, run: { status: "halted" } });
    expect((await db.action.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("halted");
    expect((await readSpend(db, agent.id)).dayMicros).toBe(12_000n);

    const looping = await startRun(db, who, {});
    const tool = { name: "search", kind: "tool" as const, input: { q: "x" } };
    const loop = await recordSpans(db, who, looping.id, { spans: [1, 2, 3].map(() => ({ ...tool, startTime: at() })) });
    expect(loop.reason).toContain("3 consecutive calls");

    const { actor } = await makeUser(db, "manager");
    const granted = await grantRunBudget(db, actor, run.id, { costBudgetUsd: 1, reason: "go on" });
    expect(granted.run.status).toBe("running");
    expect((await recordSpans(db, who, run.id, { spans: [{ name: "x", startTime: at() }] })).continue).toBe(true);

    const flip = await setKillSwitch(db, actor, { kind: "agent", agentId: agent.id }, { on: true });
    expect(flip).toMatchObject({ changed: true, on: true });
    expect((await requestAction(db, who, { type: "embedded.pay", payload: {} })).decision).toBe("halted");
    expect(await db.incident.count({ where: { agentId: agent.id } })).toBe(3);
  });
});
