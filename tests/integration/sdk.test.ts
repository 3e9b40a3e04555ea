import { createServer as createTcpServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decideAction } from "../../lib/actions";
import { actionView } from "../../lib/actions/schemas";
import { runView } from "../../lib/runs/schemas";
import { scoreView } from "../../lib/scores/schemas";
import { createClient, WardenApiError, WardenUnavailableError, type ClientOptions } from "../../lib/sdk";
import { freePort, startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// The SDK against the real built app (NEXT_DIST_DIR honoured by startApp) on the run's database.

const db = useTestDb();
let app: AppServer;

beforeAll(async () => {
  app = await startApp({ databaseUrl: inject("databaseUrl") });
});
afterAll(async () => {
  await app?.stop();
});

const typeKey = (verb: string) => `sdk_${uniq("t").slice(2).replace(/-/g, "_")}.${verb}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const client = (apiKey: string, extra: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: app.url, apiKey, retry: { maxAttempts: 3, baseDelayMs: 50 }, onError: () => {}, ...extra });

async function eventually<T>(read: () => Promise<T | null | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(50);
  }
}

/**
 * A TCP proxy in front of the app that, when armed, forwards a request but swallows its response
 * and drops the connection: the server has acted, the client sees a network failure.
 */
async function flakyProxy(targetPort: number) {
  let armed = 0;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    const upstream = connect(targetPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on("data", (chunk) => {
      if (armed > 0) {
        armed--;
        dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on("error", close);
      s.on("close", close);
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropNext: (n = 1) => void (armed = n),
    dropped: () => dropped,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

describe("SDK against the running app", () => {
  it("runs an agent end to end: run, batched spans, draft, approval woken by a reviewer, result, score", async () => {
    const { agent, key } = await makeAgent(db);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const spanBatches: number[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      if (init?.method === "POST" && String(input).endsWith("/spans")) spanBatches.push(JSON.parse(String(init.body)).spans.length);
      return fetch(input, init);
    };
    const warden = client(key, { fetch: countingFetch, flush: { maxBatch: 2, intervalMs: 60_000 } });

    expect(await warden.whoami()).toMatchObject({ id: agent.id, name: agent.name });
    const run = runView.strict().parse(await warden.startRun({ externalId: uniq("run"), input: { ticket: 7 } }));
    expect(run.status).toBe("running");

    const t0 = Date.now() - 10_000;
    for (let i = 0; i < 5; i++) {
      const signal = warden.recordSpans(run.id, {
        kind: "llm",
        name: `step ${i}`,
        model: "test-model",
        startTime: new Date(t0 + i * 1000).toISOString(),
        endTime: new Date(t0 + i * 1000 + 500).toISOString(),
        inputTokens: 10,
        outputTokens: 5,
        costUsd: 0.001,
      });
      expect(signal.continue).toBe(true);
    }
    expect(await warden.flush()).toEqual({ sent: 5, requeued: 0, dropped: 0 });
    expect(spanBatches).toEqual([2, 2, 1]);
    expect(warden.runSignal(run.id)).toEqual({ continue: true, reason: null });
    expect((await warden.getRun(run.id)).totals).toMatchObject({ spanCount: 5, inputTokens: 50, outputTokens: 25 });

    // A new action type starts at level 3: a draft, nothing to execute.
    const draft = await warden.authorize({ runId: run.id, type: typeKey("reply"), payload: { text: "hello" } });
    expect(draft).toMatchObject({ decision: "draft", executable: false, level: 3, status: "pending" });
    actionView.strict().parse(draft.action);

    // Level 2: the agent waits until a reviewer approves, with an edit.
    const type = typeKey("refund");
    await db.actionType.upsert({ where: { key: type }, create: { key: type, level: 2 }, update: { level: 2 } });
    const waiting = warden.authorize({ runId: run.id, type, payload: { amount: 30 }, confidence: 0.9 }, { waitMs: 30_000 });
    const row = await eventually(() => db.action.findFirst({ where: { agentId: agent.id, actionType: { key: type } } }));
    await sleep(300); // the SDK is in its long-poll by now
    await decideAction(db, reviewer, row.id, { decision: "approve", payload: { amount: 25 } });
    const decidedAt = Date.now();
    const approved = await waiting;
    expect(Date.now() - decidedAt).toBeLessThan(10_000); // woken by the decision, not by the end of the wait
    expect(approved).toMatchObject({ id: row.id, decision: "execute", executable: true, status: "approved", level: 2, payload: { amount: 25 } });
    expect(approved.action?.proposedPayload).toEqual({ amount: 30 });

    const done = actionView.strict().parse(await warden.reportResult(approved.id!, { status: "succeeded", output: { refundId: "r-1" } }));
    expect(done).toMatchObject({ status: "executed", outcome: "succeeded" });
    const score = scoreView.strict().parse(await warden.score({ actionId: approved.id!, name: "accuracy", value: 1, source: "rule" }));
    expect(score).toMatchObject({ targetType: "action", targetId: approved.id });

    warden.recordSpans(run.id, { name: "last step", startTime: new Date().toISOString() });
    const finished = await warden.finishRun(run.id, { status: "succeeded", output: { ok: true } });
    expect(finished).toMatchObject({ status: "succeeded", totals: { spanCount: 6 } }); // the buffered span went first
    expect(await warden.shutdown()).toEqual({ sent: 0, requeued: 0, dropped: 0 });
  });

  it("returns a reviewer's rejection as a non-executable decision with the reason", async () => {
    const { agent, key } = await makeAgent(db);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const type = typeKey("refund");
    await db.actionType.create({ data: { key: type, level: 2 } });
    const waiting = client(key).authorize({ type, payload: { amount: 5_000 } }, { waitMs: 30_000 });
    const row = await eventually(() => db.action.findFirst({ where: { agentId: agent.id, actionType: { key: type } } }));
    await decideAction(db, reviewer, row.id, { decision: "reject", reason: "over the refund limit" });
    expect(await waiting).toMatchObject({ decision: "rejected", executable: false, status: "rejected", reason: "over the refund limit" });
  });

  it("stops waiting after waitMs and can resume later", async () => {
    const { key } = await makeAgent(db);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const type = typeKey("refund");
    await db.actionType.create({ data: { key: type, level: 2 } });
    const warden = client(key);
    const first = await warden.authorize({ type, payload: { amount: 1 } }, { waitMs: 1_000 });
    expect(first).toMatchObject({ decision: "wait", executable: false, status: "pending" });
    await decideAction(db, reviewer, first.id!, { decision: "approve" });
    expect(await warden.waitForDecision(first.id!, { waitMs: 5_000 })).toMatchObject({ decision: "execute", executable: true, payload: { amount: 1 } });
  });

  it("refuses a payload that fails the action type's schema: rejected, with field errors, nothing stored", async () => {
    const { agent, key } = await makeAgent(db);
    const type = typeKey("refund");
    await db.actionType.create({
      data: { key: type, level: 0, payloadSchema: { type: "object", properties: { amount: { type: "number", minimum: 0 } }, required: ["amount"] } },
    });
    const d = await client(key).authorize({ type, payload: { amount: -3 } });
    expect(d).toMatchObject({ decision: "rejected", executable: false, id: null });
    expect(d.error).toBeInstanceOf(WardenApiError);
    expect(d.fieldErrors?.length).toBeGreaterThan(0);
    expect(await db.action.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("retries a POST whose response was lost and still acts exactly once (one Idempotency-Key per call)", async () => {
    const { agent, key } = await makeAgent(db);
    const proxy = await flakyProxy(app.port);
    try {
      const warden = createClient({ baseUrl: proxy.url, apiKey: key, retry: { maxAttempts: 3, baseDelayMs: 50 }, onError: () => {} });

      proxy.dropNext();
      const d = await warden.authorize({ type: typeKey("reply"), payload: { text: "once" } });
      expect(proxy.dropped()).toBe(1);
      expect(d).toMatchObject({ decision: "draft", executable: false });
      const actions = await db.action.findMany({ where: { agentId: agent.id } });
      expect(actions.map((a) => a.id)).toEqual([d.id]);

      proxy.dropNext();
      const run = await warden.startRun({});
      expect(await db.run.count({ where: { agentId: agent.id } })).toBe(1);

      // A span batch whose answer is lost is sent again; the run counts each span once.
      warden.recordSpans(run.id, [1, 2, 3].map((i) => ({ name: `s${i}`, startTime: new Date().toISOString(), inputTokens: 1 })));
      proxy.dropNext();
      expect(await warden.flush()).toEqual({ sent: 3, requeued: 0, dropped: 0 });
      expect(proxy.dropped()).toBe(3);
      expect((await warden.getRun(run.id)).totals).toMatchObject({ spanCount: 3, inputTokens: 3 });
      await warden.shutdown();
    } finally {
      await proxy.close();
    }
  });

  it("fails closed when Warden is down: a non-executable decision, no throw", async () => {
    const { key } = await makeAgent(db);
    const port = await freePort(); // nothing listens there
    const warden = createClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: key, retry: { maxAttempts: 2, baseDelayMs: 10 }, onError: () => {} });
    const d = await warden.authorize({ type: typeKey("refund"), payload: { amount: 10 } }, { waitMs: 5_000 });
    expect(d).toMatchObject({ decision: "unavailable", executable: false, id: null, payload: null });
    expect(d.error).toBeInstanceOf(WardenUnavailableError);
    await expect(warden.startRun({})).rejects.toBeInstanceOf(WardenUnavailableError);
  });

  it("fails closed when every answer is lost, and the same Idempotency-Key later gets the real decision", async () => {
    const { agent, key } = await makeAgent(db);
    const proxy = await flakyProxy(app.port);
    try {
      const warden = createClient({ baseUrl: proxy.url, apiKey: key, retry: { maxAttempts: 2, baseDelayMs: 10 }, onError: () => {} });
      const type = typeKey("reply");
      await db.actionType.create({ data: { key: type, level: 0 } });
      proxy.dropNext(2);
      const lost = await warden.authorize({ type, payload: { text: "x" } }, { idempotencyKey: `task-${agent.id}` });
      expect(lost).toMatchObject({ decision: "unavailable", executable: false });
      expect(await db.action.count({ where: { agentId: agent.id } })).toBe(1); // Warden did decide; the agent never heard

      const again = await warden.authorize({ type, payload: { text: "x" } }, { idempotencyKey: `task-${agent.id}` });
      expect(again).toMatchObject({ decision: "execute", executable: true });
      expect(await db.action.count({ where: { agentId: agent.id } })).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it("honours the rate limiter's 429 and Retry-After", { timeout: 150_000 }, async () => {
    const limited = await startApp({ databaseUrl: inject("databaseUrl"), env: { WARDEN_RATE_LIMIT_PER_MINUTE: "2" } });
    try {
      const { agent, key } = await makeAgent(db);
      // Keep the burst inside one rate-limit minute. The patient client below then waits out the
      // rest of that minute, so this test costs up to a minute of wall time (about 30 s on average).
      const toBoundary = 60_000 - (Date.now() % 60_000);
      if (toBoundary < 2_000) await sleep(toBoundary + 100);
      const windowEnd = Math.ceil(Date.now() / 60_000) * 60_000;

      const impatient = createClient({ baseUrl: limited.url, apiKey: key, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 500 } });
      await impatient.whoami();
      await impatient.whoami();
      const err = await impatient.whoami().catch((e) => e);
      expect(err).toBeInstanceOf(WardenUnavailableError);
      expect(err).toMatchObject({ status: 429, attempts: 1 });
      expect(err.retryAfterMs).toBeGreaterThanOrEqual(1_000); // whole seconds, more than this client waits
      expect(err.retryAfterMs).toBeLessThanOrEqual(60_000);
      const d = await impatient.authorize({ type: typeKey("reply"), payload: {} });
      expect(d).toMatchObject({ decision: "unavailable", executable: false });
      expect(await db.action.count({ where: { agentId: agent.id } })).toBe(0);

      const patient = createClient({ baseUrl: limited.url, apiKey: key, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 61_000 } });
      await expect(patient.whoami()).resolves.toMatchObject({ id: agent.id });
      expect(Date.now()).toBeGreaterThanOrEqual(windowEnd); // it waited, as told, for the next rate-limit window
    } finally {
      await limited.stop();
    }
  });

  it("is written against the document the app serves", async () => {
    const res = await fetch(`${app.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect((await new Validator().validate(doc)).valid).toBe(true);
    const used = ["agent", "runs", "runs/{id}", "runs/{id}/spans", "actions", "actions/{id}", "actions/{id}/result", "scores"];
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(used.map((p) => `/api/v1/${p}`)));
  });
});
