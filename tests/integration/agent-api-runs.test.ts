import { describe, expect, it } from "vitest";
import * as runsRoute from "../../app/api/v1/runs/route";
import * as runRoute from "../../app/api/v1/runs/[id]/route";
import * as spansRoute from "../../app/api/v1/runs/[id]/spans/route";
import { runView, recordSpansResult } from "../../lib/runs/schemas";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, uniq } from "../helpers/factories";

useRouteDb();
const db = useTestDb();

const t0 = new Date("2026-11-26T10:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms).toISOString();

async function newRun(key: string, body: unknown = {}) {
  const res = await call(runsRoute.POST, { method: "POST", key, body });
  expect(res.status).toBe(201);
  return runView.parse(res.body);
}

describe("runs", () => {
  it("starts, reads and finishes a run with totals", async () => {
    const { key } = await makeAgent(db);
    const run = await newRun(key, { externalId: uniq("ext"), input: { q: "hi" }, agentVersion: "1.2.0", sessionId: "s-1" });
    expect(run).toMatchObject({ status: "running", agentVersion: "1.2.0", sessionId: "s-1", totals: { spanCount: 0, costUsd: 0 } });

    const got = await call(runRoute.GET, { key, params: { id: run.id } });
    expect(got.status).toBe(200);
    expect(runView.parse(got.body).id).toBe(run.id);

    const done = await call(runRoute.PATCH, { method: "PATCH", key, params: { id: run.id }, body: { status: "succeeded", output: { a: 1 } } });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("succeeded");
    expect(done.body.totals.durationMs).toBeGreaterThanOrEqual(0);

    const again = await call(runRoute.PATCH, { method: "PATCH", key, params: { id: run.id }, body: { status: "succeeded" } });
    expect(again.status).toBe(200);
    const flip = await call(runRoute.PATCH, { method: "PATCH", key, params: { id: run.id }, body: { status: "failed" } });
    expect(flip.status).toBe(409);
  });

  it("hides one agent's runs from another (404, not 403)", async () => {
    const a = await makeAgent(db);
    const b = await makeAgent(db);
    const run = await newRun(a.key);
    expect((await call(runRoute.GET, { key: b.key, params: { id: run.id } })).status).toBe(404);
    expect((await call(runRoute.PATCH, { method: "PATCH", key: b.key, params: { id: run.id }, body: { status: "failed" } })).status).toBe(404);
    const spans = await call(spansRoute.POST, {
      method: "POST",
      key: b.key,
      params: { id: run.id },
      body: { spans: [{ name: "x", startTime: at(0) }] },
    });
    expect(spans.status).toBe(404);
    expect((await db.span.count({ where: { runId: run.id } }))).toBe(0);
    expect((await call(runRoute.GET, { key: a.key, params: { id: "not-a-uuid" } })).status).toBe(404);
  });

  it("refuses a duplicate externalId for the same agent with 409", async () => {
    const { key } = await makeAgent(db);
    const ext = uniq("dup");
    await newRun(key, { externalId: ext });
    expect((await call(runsRoute.POST, { method: "POST", key, body: { externalId: ext } })).status).toBe(409);
  });

  it("rejects wrong types with field paths, unknown fields and malformed JSON, writing nothing", async () => {
    const { key, agent } = await makeAgent(db);
    const bad = await call(runsRoute.POST, { method: "POST", key, body: { externalId: 42, metadata: "x" } });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(bad.body.fieldErrors.map((f: { path: string }) => f.path).sort()).toEqual(["externalId", "metadata"]);
    const unknown = await call(runsRoute.POST, { method: "POST", key, body: { surprise: true } });
    expect(unknown.status).toBe(422);
    const malformed = await call(runsRoute.POST, { method: "POST", key, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/not valid JSON/);
    const wrongType = await call(runsRoute.POST, { method: "POST", key, rawBody: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(wrongType.status).toBe(415);
    const tooLong = await call(runsRoute.POST, { method: "POST", key, body: { externalId: "x".repeat(201) } });
    expect(tooLong.status).toBe(422);
    expect(await db.run.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("refuses a body over 1 MiB with 413 and writes nothing", async () => {
    const { key, agent } = await makeAgent(db);
    const res = await call(runsRoute.POST, { method: "POST", key, body: { input: "x".repeat(1024 * 1024 + 10) } });
    expect(res.status).toBe(413);
    expect(await db.run.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("needs a valid key", async () => {
    const res = await call(runsRoute.POST, { method: "POST", body: {} });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("spans", () => {
  it("records a batch, prices tokens by model and keeps the run's totals", async () => {
    const { key } = await makeAgent(db);
    const model = uniq("test-model");
    await db.modelPrice.create({ data: { model, inputMicrosPerMillion: 2_500_000n, outputMicrosPerMillion: 10_000_000n } });
    const run = await newRun(key);
    const res = await call(spansRoute.POST, {
      method: "POST",
      key,
      params: { id: run.id },
      body: {
        spans: [
          { id: "root", kind: "other", name: "agent", startTime: at(0), endTime: at(900), status: "ok" },
          { id: "llm-1", parentId: "root", kind: "llm", name: "chat", model: `${model}-2026-01-01`, startTime: at(10), endTime: at(400), inputTokens: 1000, outputTokens: 200 },
          { id: "tool-1", parentId: "root", kind: "tool", name: "search", startTime: at(400), endTime: at(800), costUsd: 0.0125, input: { q: "x" } },
        ],
      },
    });
    expect(res.status).toBe(200);
    const out = recordSpansResult.parse(res.body);
    // 1000 × $2.50/M + 200 × $10/M = $0.0025 + $0.002; plus the tool's own $0.0125.
    expect(out).toMatchObject({ accepted: 3, continue: true, reason: null });
    expect(out.run.totals).toMatchObject({ inputTokens: 1000, outputTokens: 200, spanCount: 3 });
    expect(out.run.totals.costUsd).toBeCloseTo(0.017, 9);
    const llm = await db.span.findFirstOrThrow({ where: { runId: run.id, externalId: "llm-1" } });
    expect(llm).toMatchObject({ kind: "llm", parentId: "root", costMicros: 4500n, durationMs: 390 });
  });

  it("does not double-count a retried batch (same span ids)", async () => {
    const { key } = await makeAgent(db);
    const run = await newRun(key);
    const body = { spans: [{ id: "a", name: "s", startTime: at(0), inputTokens: 5 }, { id: "b", name: "s", startTime: at(1), inputTokens: 7 }] };
    await call(spansRoute.POST, { method: "POST", key, params: { id: run.id }, body });
    const again = await call(spansRoute.POST, { method: "POST", key, params: { id: run.id }, body });
    expect(again.body.accepted).toBe(0);
    expect(again.body.run.totals).toMatchObject({ spanCount: 2, inputTokens: 12 });
  });

  it("enforces the batch limit and validates every span, writing nothing on error", async () => {
    const { key } = await makeAgent(db);
    const run = await newRun(key);
    const span = (i: number) => ({ name: `s${i}`, startTime: at(i) });
    const tooMany = await call(spansRoute.POST, { method: "POST", key, params: { id: run.id }, body: { spans: Array.from({ length: 1001 }, (_, i) => span(i)) } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.fieldErrors[0].path).toBe("spans");
    const oneBad = await call(spansRoute.POST, {
      method: "POST",
      key,
      params: { id: run.id },
      body: { spans: [span(0), { ...span(1), kind: "banana", inputTokens: -1 }, { ...span(2), endTime: at(-5) }] },
    });
    expect(oneBad.status).toBe(422);
    expect(oneBad.body.fieldErrors.map((f: { path: string }) => f.path).sort()).toEqual(["spans.1.inputTokens", "spans.1.kind", "spans.2.endTime"]);
    const misspelt = await call(spansRoute.POST, { method: "POST", key, params: { id: run.id }, body: { spans: [span(0), { ...span(1), inputtokens: 3 }] } });
    expect(misspelt.status).toBe(422);
    expect(misspelt.body.fieldErrors).toEqual([{ path: "spans.1", message: 'Unrecognized key: "inputtokens"' }]);
    const empty = await call(spansRoute.POST, { method: "POST", key, params: { id: run.id }, body: { spans: [] } });
    expect(empty.status).toBe(422);
    expect(await db.span.count({ where: { runId: run.id } })).toBe(0);
    const max = await call(spansRoute.POST, { method: "POST", key, params: { id: run.id }, body: { spans: Array.from({ length: 1000 }, (_, i) => span(i)) } });
    expect(max.status).toBe(200);
    expect(max.body.accepted).toBe(1000);
  });

  it("tells the agent to stop when its kill switch is on", async () => {
    const { key, agent } = await makeAgent(db);
    const run = await newRun(key);
    await db.agent.update({ where: { id: agent.id }, data: { killSwitch: true } });
    const res = await call(spansRoute.POST, { method: "POST", key, params: { id: run.id }, body: { spans: [{ name: "s", startTime: at(0) }] } });
    expect(res.body).toMatchObject({ accepted: 1, continue: false, reason: "This agent's kill switch is on." });
  });
});

describe("rate limit per key", () => {
  it("counts requests per key and minute in Postgres and answers 429 with Retry-After past the limit", async () => {
    const { consumeRateLimit } = await import("../../lib/api/rate-limit");
    const { RateLimitedError } = await import("../../lib/errors");
    const { keyId } = await makeAgent(db);
    const { keyId: other } = await makeAgent(db);
    const now = new Date("2026-11-26T12:00:45.000Z");
    for (let i = 0; i < 3; i++) await consumeRateLimit(db, keyId, 3, now);
    const err = await consumeRateLimit(db, keyId, 3, now).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.extra.retryAfterSeconds).toBe(15);
    await expect(consumeRateLimit(db, other, 3, now)).resolves.toBeUndefined(); // per key
    await expect(consumeRateLimit(db, keyId, 3, new Date("2026-11-26T12:01:00.000Z"))).resolves.toBeUndefined(); // next minute
  });
});
