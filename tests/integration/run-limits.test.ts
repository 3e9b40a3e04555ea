import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as actionsRoute from "../../app/api/v1/actions/route";
import * as actionRoute from "../../app/api/v1/actions/[id]/route";
import * as otlpRoute from "../../app/api/v1/otlp/v1/traces/route";
import * as runsRoute from "../../app/api/v1/runs/route";
import * as spansRoute from "../../app/api/v1/runs/[id]/spans/route";
import * as grantRoute from "../../app/api/v1/runs/[id]/budget-grant/route";
import { budgetGrantResult } from "../../lib/budgets/schemas";
import { recordSpansResult } from "../../lib/runs/schemas";
import { createPersonalToken } from "../../lib/tokens";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// The breakers through the agent API, against real Postgres: the batch that crosses a budget or
// completes a loop answers continue: false and halts the run, its pending actions and its later
// requests; OTLP exports are held to the same rules; a manager's grant lets the run go on.

useRouteDb();
const db = useTestDb();

let clock = Date.parse("2026-11-26T10:00:00.000Z");
const at = () => new Date((clock += 1000)).toISOString();

async function agentWith(limits: { runCostBudgetMicros?: bigint; runTokenBudget?: bigint; loopThreshold?: number } = {}) {
  const made = await makeAgent(db);
  await db.agent.update({ where: { id: made.agent.id }, data: limits });
  return made;
}

async function startRun(key: string) {
  const res = await call(runsRoute.POST, { method: "POST", key, body: {} });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function spans(key: string, runId: string, list: Record<string, unknown>[]) {
  const res = await call(spansRoute.POST, { method: "POST", key, params: { id: runId }, body: { spans: list.map((s) => ({ startTime: at(), kind: "other", name: "step", ...s })) } });
  expect(res.status).toBe(200);
  return recordSpansResult.parse(res.body);
}

async function pendingApproval(key: string, runId: string) {
  const type = `limits.${uniq("t").replace(/-/g, "_")}`;
  await db.actionType.create({ data: { key: type, level: 2 } });
  const res = await call(actionsRoute.POST, { method: "POST", key, body: { runId, type, payload: { n: 1 } } });
  expect(res.body).toMatchObject({ decision: "wait", status: "pending" });
  return { id: res.body.id as string, type };
}

const tool = (input: unknown, name = "search") => ({ kind: "tool", name, input });

describe("run budgets", () => {
  it("the batch that crosses the cost budget says stop; the run, its pending actions and its next request are halted", async () => {
    const { key, agent } = await agentWith({ runCostBudgetMicros: 10_000n }); // $0.01
    const runId = await startRun(key);
    const pending = await pendingApproval(key, runId);
    const waiting = call(actionRoute.GET, { key, params: { id: pending.id }, path: `/api/v1/actions/${pending.id}?wait=30` });

    const under = await spans(key, runId, [{ kind: "llm", name: "chat", costUsd: 0.006 }, { costUsd: 0.004 }]);
    expect(under).toMatchObject({ continue: true, reason: null, run: { status: "running", totals: { costUsd: 0.01 } } });

    const over = await spans(key, runId, [{ kind: "llm", name: "chat", costUsd: 0.0005 }]);
    expect(over.continue).toBe(false);
    expect(over.reason).toBe("Cost budget exceeded: this run has cost $0.0105, over its budget of $0.01.");
    expect(over.run).toMatchObject({ status: "halted", haltReason: over.reason });

    // The waiting long-poll answers at once with halted, not after its 30 s.
    const woke = await waiting;
    expect(woke.body).toMatchObject({ id: pending.id, decision: "halted", status: "halted" });
    expect(woke.body.decisionReason).toContain("Cost budget exceeded");

    const next = await call(actionsRoute.POST, { method: "POST", key, body: { runId, type: pending.type, payload: { n: 2 } } });
    expect(next.body).toMatchObject({ decision: "halted" });
    expect(next.body.reason).toContain("Cost budget exceeded");

    // A later batch is still recorded (spend is spend) and still says stop; no second incident.
    const later = await spans(key, runId, [{ costUsd: 0.001 }]);
    expect(later).toMatchObject({ continue: false, accepted: 1 });
    const incidents = await db.incident.findMany({ where: { runId } });
    expect(incidents.map((i) => [i.kind, i.severity, i.agentId])).toEqual([["budget_exceeded", "warning", agent.id]]);
    expect(incidents[0].title).toContain("over its budget of $0.01");
    expect(await db.auditEvent.count({ where: { targetType: "run", targetId: runId, action: "run.halted" } })).toBe(1);
  });

  it("a run exactly at its token budget goes on; one token over stops it", async () => {
    const { key } = await agentWith({ runTokenBudget: 1000n });
    const runId = await startRun(key);
    expect((await spans(key, runId, [{ kind: "llm", name: "chat", inputTokens: 800, outputTokens: 200 }])).continue).toBe(true);
    const over = await spans(key, runId, [{ kind: "llm", name: "chat", outputTokens: 1 }]);
    expect(over).toMatchObject({ continue: false, run: { status: "halted" } });
    expect(over.reason).toBe("Token budget exceeded: this run has used 1,001 tokens, over its budget of 1,000.");
  });

  it("a retried batch never counts twice towards a budget", async () => {
    const { key } = await agentWith({ runCostBudgetMicros: 10_000n });
    const runId = await startRun(key);
    const batch = [{ id: "s1", startTime: "2026-11-26T09:00:00.000Z", kind: "llm", name: "chat", costUsd: 0.006 }];
    expect((await spans(key, runId, batch)).continue).toBe(true);
    expect((await spans(key, runId, batch)).continue).toBe(true);
    expect((await db.run.findUniqueOrThrow({ where: { id: runId } })).costMicros).toBe(6000n);
  });
});

describe("loop detection", () => {
  it("trips on the 6th similar call of a tool and not on the 5th, LLM turns in between not breaking the streak", async () => {
    const { key } = await agentWith();
    const runId = await startRun(key);
    // Similar, not byte-equal: key order, spacing, case, a fresh request id each time.
    const inputs = Array.from({ length: 6 }, (_, i) =>
      i % 2 ? { requestId: crypto.randomUUID(), q: ` Weather in  PARIS ` } : { q: "weather in paris", requestId: crypto.randomUUID() },
    );
    for (let i = 0; i < 5; i++) {
      const res = await spans(key, runId, [{ kind: "llm", name: "chat" }, tool(inputs[i])]);
      expect(res.continue, `call ${i + 1}`).toBe(true);
    }
    const sixth = await spans(key, runId, [{ kind: "llm", name: "chat" }, tool(inputs[5])]);
    expect(sixth.continue).toBe(false);
    expect(sixth.reason).toBe('Loop detected: 6 consecutive calls of tool "search" with similar input, more than the limit of 5.');
    expect(await db.incident.count({ where: { runId, kind: "loop_detected" } })).toBe(1);
  });

  it("never trips on dissimilar input, nor when another tool call breaks the streak", async () => {
    const { key } = await agentWith();
    const runId = await startRun(key);
    for (let i = 0; i < 8; i++) expect((await spans(key, runId, [tool({ q: `weather in city ${i}` })])).continue).toBe(true);
    const other = await startRun(key);
    for (let i = 0; i < 5; i++) await spans(key, other, [tool({ q: "same" })]);
    await spans(key, other, [tool({ id: 1 }, "fetch")]);
    for (let i = 0; i < 5; i++) expect((await spans(key, other, [tool({ q: "same" })])).continue).toBe(true);
  });

  it("counts calls within one batch and honours the agent's own threshold", async () => {
    const { key } = await agentWith({ loopThreshold: 2 });
    const runId = await startRun(key);
    expect((await spans(key, runId, [tool({ a: 1 }), tool({ a: 1.0 })])).continue).toBe(true);
    const res = await spans(key, runId, [tool({ a: "1" })]);
    expect(res.continue).toBe(false);
    expect(res.reason).toContain("3 consecutive calls");
  });
});

describe("budget grant", () => {
  async function managerToken() {
    const { actor } = await makeUser(db, "manager");
    return (await createPersonalToken(db, actor, { name: "ci" })).token;
  }

  it("lets a halted run continue with a raised budget: the next batch answers continue: true", async () => {
    const { key } = await agentWith({ runCostBudgetMicros: 10_000n });
    const runId = await startRun(key);
    await spans(key, runId, [{ costUsd: 0.011 }]);
    const incident = await db.incident.findFirstOrThrow({ where: { runId } });
    const token = await managerToken();

    const low = await call(grantRoute.POST, { method: "POST", key: token, params: { id: runId }, body: { costBudgetUsd: 0.011, reason: "one more try" } });
    expect(low.status).toBe(422);
    expect(low.body.fieldErrors).toEqual([{ path: "costBudgetUsd", message: "must be above $0.011 so far" }]);
    expect(await db.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "halted", costBudgetMicros: null });
    expect(await db.auditEvent.count({ where: { targetId: runId, action: "run.budget_granted" } })).toBe(0);

    const granted = await call(grantRoute.POST, { method: "POST", key: token, params: { id: runId }, body: { costBudgetUsd: 0.05, reason: "the customer is worth it" } });
    expect(granted.status).toBe(200);
    const out = budgetGrantResult.parse(granted.body);
    expect(out.run).toMatchObject({ status: "running", haltRule: null, budgets: { costUsd: 0.05, granted: true }, totals: { costUsd: 0.011 } });
    expect(out.resolvedIncidents).toEqual([incident.id]);
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "resolved", resolutionNote: "Budget grant: the customer is worth it" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: runId, action: "run.budget_granted" } });
    expect(audit.after).toMatchObject({ status: "running", reason: "the customer is worth it" });

    expect(await spans(key, runId, [{ costUsd: 0.01 }])).toMatchObject({ continue: true, reason: null, run: { status: "running" } });
    // The raised budget holds for this run: crossing it stops the run again.
    expect((await spans(key, runId, [{ costUsd: 0.04 }])).continue).toBe(false);

    const again = await call(grantRoute.POST, { method: "POST", key: token, params: { id: await startRun(key) }, body: { costBudgetUsd: 1, reason: "not halted" } });
    expect(again.status).toBe(409);
  });

  it("after a loop trip, a grant starts loop detection afresh", async () => {
    const { key } = await agentWith({ loopThreshold: 2 });
    const runId = await startRun(key);
    expect((await spans(key, runId, [tool({ q: 1 }), tool({ q: 1 }), tool({ q: 1 })])).continue).toBe(false);
    const token = await managerToken();
    const res = await call(grantRoute.POST, { method: "POST", key: token, params: { id: runId }, body: { reason: "it was polling on purpose" } });
    expect(res.status).toBe(200);
    expect((await spans(key, runId, [tool({ q: 1 }), tool({ q: 1 })])).continue).toBe(true);
    expect((await spans(key, runId, [tool({ q: 1 })])).continue).toBe(false);
  });

  it("is refused to agent keys (403) and to a run that does not exist (404), writing nothing", async () => {
    const { key } = await agentWith({ runCostBudgetMicros: 1n });
    const runId = await startRun(key);
    await spans(key, runId, [{ costUsd: 0.01 }]);
    const asAgent = await call(grantRoute.POST, { method: "POST", key, params: { id: runId }, body: { costBudgetUsd: 1, reason: "please" } });
    expect(asAgent.status).toBe(403);
    const token = await managerToken();
    expect((await call(grantRoute.POST, { method: "POST", key: token, params: { id: crypto.randomUUID() }, body: { costBudgetUsd: 1, reason: "x y z" } })).status).toBe(404);
    expect((await call(grantRoute.POST, { method: "POST", key: token, params: { id: runId }, body: { costBudgetUsd: 1, reason: "x y z", extra: 1 } })).status).toBe(422);
    expect((await db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("halted");
  });
});

describe("OTLP exports", () => {
  const hex = (n: number) => randomBytes(n).toString("hex");
  const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
  const str = (stringValue: string) => ({ stringValue });

  it("are held to the same budgets and loop rule: the run halts, its pending action too, and its next request is halted", async () => {
    const { key, agent } = await agentWith({ runCostBudgetMicros: 5_000n, loopThreshold: 3 });
    const model = uniq("otlp-limit");
    await db.modelPrice.create({ data: { model, inputMicrosPerMillion: 2_500_000n, outputMicrosPerMillion: 10_000_000n } });
    const traceId = hex(16);
    const root = hex(8);
    const t0 = Date.parse("2026-11-26T11:00:00.000Z");
    const chat = (i: number, tokens: number) => ({
      traceId, spanId: hex(8), parentSpanId: root, name: `chat ${model}`, kind: 1,
      startTimeUnixNano: ns(t0 + i * 1000), endTimeUnixNano: ns(t0 + i * 1000 + 500),
      attributes: [
        { key: "gen_ai.operation.name", value: str("chat") },
        { key: "gen_ai.request.model", value: str(model) },
        { key: "gen_ai.usage.input_tokens", value: { intValue: tokens } },
      ],
    });
    const exportSpans = (...list: unknown[]) =>
      call(otlpRoute.POST, { method: "POST", key, body: { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: list }] }] } });

    expect((await exportSpans(chat(0, 1000))).status).toBe(200); // $0.0025
    const run = await db.run.findUniqueOrThrow({ where: { agentId_traceId: { agentId: agent.id, traceId } } });
    expect(run.status).toBe("running");
    const pending = await pendingApproval(key, run.id);

    expect((await exportSpans(chat(1, 1200))).status).toBe(200); // $0.0055 > $0.005
    expect(await db.run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "halted", haltRule: "cost_budget" });
    expect(await db.action.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "halted" });
    const next = await call(actionsRoute.POST, { method: "POST", key, body: { runId: run.id, type: pending.type, payload: {} } });
    expect(next.body.decision).toBe("halted");
    expect(await db.incident.count({ where: { runId: run.id, kind: "budget_exceeded" } })).toBe(1);

    // The loop rule on an OTLP trace: tool calls with their arguments as text, as exporters send them.
    const loopTrace = hex(16);
    const call_ = (i: number) => ({
      traceId: loopTrace, spanId: hex(8), parentSpanId: root, name: "execute_tool lookup", kind: 1,
      startTimeUnixNano: ns(t0 + i * 1000), endTimeUnixNano: ns(t0 + i * 1000 + 100),
      attributes: [
        { key: "gen_ai.operation.name", value: str("execute_tool") },
        { key: "gen_ai.tool.name", value: str("lookup") },
        { key: "gen_ai.tool.call.arguments", value: str(JSON.stringify({ id: "T-1", ts: new Date(t0 + i).toISOString() })) },
      ],
    });
    await exportSpans(call_(0), call_(1), call_(2));
    const loopRun = await db.run.findUniqueOrThrow({ where: { agentId_traceId: { agentId: agent.id, traceId: loopTrace } } });
    expect(loopRun.status).toBe("running");
    await exportSpans(call_(3));
    expect(await db.run.findUniqueOrThrow({ where: { id: loopRun.id } })).toMatchObject({ status: "halted", haltRule: "loop" });
  });
});
