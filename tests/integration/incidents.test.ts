import { describe, expect, it } from "vitest";
import * as listRoute from "../../app/api/v1/incidents/route";
import * as ackRoute from "../../app/api/v1/incidents/[id]/acknowledge/route";
import * as resolveRoute from "../../app/api/v1/incidents/[id]/resolve/route";
import * as spansRoute from "../../app/api/v1/runs/[id]/spans/route";
import * as runsRoute from "../../app/api/v1/runs/route";
import { countIncidents, raiseIncident } from "../../lib/incidents";
import { incidentPage, incidentView } from "../../lib/incidents/schemas";
import { setModelPrice } from "../../lib/prices";
import { createPersonalToken } from "../../lib/tokens";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

useRouteDb();
const db = useTestDb();

async function managerToken() {
  const { actor, user } = await makeUser(db, "manager");
  return { token: (await createPersonalToken(db, actor, { name: "ci" })).token, actor, user };
}

const raise = (agentId: string, over: Record<string, unknown> = {}) =>
  db.$transaction((tx) => raiseIncident(tx, { kind: "loop_detected", severity: "warning", title: "a loop", agentId, ...over })).then((i) => i!.id);

describe("incidents", () => {
  it("one incident per dedupe key, however many raise it at once", async () => {
    const { agent } = await makeAgent(db);
    const key = `test:${uniq("window")}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => db.$transaction((tx) => raiseIncident(tx, { kind: "spend_alert_hourly", severity: "warning", title: "over", agentId: agent.id, dedupeKey: key }))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.incident.count({ where: { dedupeKey: key } })).toBe(1);
  });

  it("acknowledge and resolve each happen exactly once; the loser gets 409 naming who acted", async () => {
    const { agent } = await makeAgent(db);
    const id = await raise(agent.id);
    const [a, b] = [await managerToken(), await managerToken()];
    const acks = await Promise.all([a, b].map((m) => call(ackRoute.POST, { method: "POST", key: m.token, params: { id }, body: { note: "looking" } })));
    expect(acks.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = acks.find((r) => r.status === 200)!;
    expect(incidentView.parse(winner.body)).toMatchObject({ status: "acknowledged", acknowledgeNote: "looking", acknowledgedBy: { name: expect.any(String) } });
    expect(acks.find((r) => r.status === 409)!.body.detail).toMatch(/^This incident was already acknowledged by .+@example\.test; it cannot be acknowledged again\.$/);

    const empty = await call(resolveRoute.POST, { method: "POST", key: a.token, params: { id }, body: {} });
    expect(empty.status).toBe(422);
    const resolves = await Promise.all([a, b].map((m) => call(resolveRoute.POST, { method: "POST", key: m.token, params: { id }, body: { note: "raised the budget" } })));
    expect(resolves.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db.auditEvent.findMany({ where: { targetId: id }, select: { action: true }, orderBy: { id: "asc" } })).toEqual([
      { action: "incident.acknowledged" },
      { action: "incident.resolved" },
    ]);
    // Straight from open to resolved is fine too.
    const other = await raise(agent.id);
    expect((await call(resolveRoute.POST, { method: "POST", key: a.token, params: { id: other }, body: { note: "false alarm" } })).body.status).toBe("resolved");
  });

  it("lists newest first with filters and keyset pages; agent keys and non-managers are refused changes", async () => {
    const { agent, key } = await makeAgent(db);
    for (let i = 0; i < 5; i++) await raise(agent.id, { title: `loop ${i}`, severity: i === 4 ? "critical" : "warning" });
    await raise(agent.id, { kind: "budget_exceeded", title: "budget" });
    const { token, user } = await managerToken();
    const list = (q: string) => call(listRoute.GET, { key: token, path: `/api/v1/incidents?agentId=${agent.id}&${q}` });

    const page1 = incidentPage.parse((await list("kind=loop_detected&limit=3")).body);
    expect(page1.items.map((i) => i.title)).toEqual(["loop 4", "loop 3", "loop 2"]);
    const page2 = incidentPage.parse((await list(`kind=loop_detected&limit=3&cursor=${page1.nextCursor}`)).body);
    expect(page2.items.map((i) => i.title)).toEqual(["loop 1", "loop 0"]);
    expect(page2.nextCursor).toBeNull();
    expect(incidentPage.parse((await list("severity=critical")).body).items.map((i) => i.title)).toEqual(["loop 4"]);
    expect(incidentPage.parse((await list("status=resolved")).body).items).toEqual([]);
    expect(incidentPage.parse((await list("status=active")).body).items).toHaveLength(6);
    expect((await list("status=closed")).status).toBe(422);
    expect((await list("cursor=bm9wZQ")).status).toBe(422);

    expect((await call(listRoute.GET, { key, path: "/api/v1/incidents" })).status).toBe(403);
    const first = page1.items[0].id;
    expect((await call(ackRoute.POST, { method: "POST", key, params: { id: first }, body: {} })).status).toBe(403);
    await db.user.update({ where: { id: user.id }, data: { role: "reviewer" } });
    expect((await call(ackRoute.POST, { method: "POST", key: token, params: { id: first }, body: {} })).status).toBe(403);
    expect((await list("limit=1")).status).toBe(200);
    expect((await db.incident.findUniqueOrThrow({ where: { id: first } })).status).toBe("open");
  });

  it("counts open incidents by severity for the nav and the overview", async () => {
    const { actor } = await makeUser(db, "viewer");
    const before = await countIncidents(db, actor);
    const { agent } = await makeAgent(db);
    await raise(agent.id, { severity: "critical" });
    const after = await countIncidents(db, actor);
    expect(after.open - before.open).toBeGreaterThanOrEqual(1);
    expect(after.openBySeverity.critical - before.openBySeverity.critical).toBeGreaterThanOrEqual(1);
  });
});

describe("model prices with effective dates", () => {
  it("prices each span with the price in effect when it started; a new price never re-prices stored spans", async () => {
    const { actor } = await makeUser(db, "manager");
    const model = uniq("price-model");
    await setModelPrice(db, actor, { model, inputUsdPerMillion: 10, outputUsdPerMillion: 20, effectiveFrom: "2026-01-01T00:00:00Z" });
    const { key } = await makeAgent(db);
    const runId = (await call(runsRoute.POST, { method: "POST", key, body: {} })).body.id as string;
    const span = (id: string, startTime: string) => ({ id, kind: "llm", name: "chat", model, startTime, inputTokens: 1_000_000 });
    await call(spansRoute.POST, { method: "POST", key, params: { id: runId }, body: { spans: [span("a", "2026-06-01T00:00:00Z")] } });
    await setModelPrice(db, actor, { model, inputUsdPerMillion: 4, outputUsdPerMillion: 8, effectiveFrom: "2026-07-01T00:00:00Z" });
    await call(spansRoute.POST, {
      method: "POST",
      key,
      params: { id: runId },
      body: { spans: [span("b", "2026-06-30T23:59:59Z"), span("c", "2026-07-01T00:00:00Z"), span("d", "2025-12-31T00:00:00Z")] },
    });
    const costs = await db.span.findMany({ where: { runId }, orderBy: { externalId: "asc" }, select: { externalId: true, costMicros: true } });
    expect(costs.map((c) => [c.externalId, Number(c.costMicros) / 1e6])).toEqual([
      ["a", 10],
      ["b", 10],
      ["c", 4],
      ["d", 0], // before the model had any price
    ]);
    await expect(setModelPrice(db, actor, { model, inputUsdPerMillion: 1, outputUsdPerMillion: 1, effectiveFrom: "2026-07-01T00:00:00Z" })).rejects.toThrow(/already has a price/);
  });
});
