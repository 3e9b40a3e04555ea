import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createClient, WardenApiError, WardenUnavailableError, type ClientOptions } from "../../lib/sdk";
import { backoffDelay, parseRetryAfter } from "../../lib/sdk/transport";

// A real HTTP peer on 127.0.0.1 whose answers each test scripts: 503s, 429s with Retry-After,
// dropped connections, answers that never come. It stands in for Warden, not for SDK code.

type Seen = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage["headers"]; body: any; at: number };
type Reply = (req: Seen, res: ServerResponse) => void | Promise<void>;

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!();
});

async function fakeWarden(reply: Reply) {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url!, "http://x");
    const body = text ? JSON.parse(text) : undefined;
    const s: Seen = { method: req.method!, path: url.pathname, query: url.searchParams, headers: req.headers, body, at: Date.now() };
    seen.push(s);
    await reply(s, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return { url, seen };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  res.writeHead(status, { "content-type": type, ...headers }).end(JSON.stringify(body));
}

const problem = (status: number, code: string, detail: string, extra: object = {}) => ({
  type: `https://warden.dev/problems/${code}`,
  title: code,
  status,
  code,
  detail,
  ...extra,
});

const ACTION_ID = "5c2f1e9a-7b3d-4c1e-8f2a-9d0b1c2d3e4f";
function action(decision: string, extra: object = {}) {
  const status = { execute: "approved", wait: "pending", draft: "pending", rejected: "rejected", halted: "halted" }[decision] ?? "pending";
  return {
    id: ACTION_ID,
    type: "support.reply",
    runId: null,
    decision,
    status,
    level: decision === "execute" ? 0 : 2,
    reason: `because ${decision}`,
    payload: { text: "hi" },
    proposedPayload: { text: "hi" },
    confidence: null,
    decidedAt: null,
    decisionReason: null,
    outcome: null,
    createdAt: new Date().toISOString(),
    ...extra,
  };
}
const RUN = { id: "0b7a3c8e-2f0e-4f4e-9d7a-1c2b3d4e5f60", status: "running" };

const client = (url: string, extra: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: url, apiKey: "wdn_test_key", retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 5_000 }, onError: () => {}, ...extra });

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe("SDK transport", () => {
  it("sends the bearer key and JSON to /api/v1, with or without /api/v1 in baseUrl", async () => {
    const w = await fakeWarden((_req, res) => send(res, 201, RUN));
    await client(w.url).startRun({ externalId: "t-1" });
    await client(`${w.url}/api/v1/`).startRun({ externalId: "t-2" });
    expect(w.seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /api/v1/runs", "POST /api/v1/runs"]);
    expect(w.seen[0].headers.authorization).toBe("Bearer wdn_test_key");
    expect(w.seen[0].headers["content-type"]).toBe("application/json");
    expect(w.seen[0].body).toEqual({ externalId: "t-1" });
  });

  it("retries 5xx with one Idempotency-Key for the logical call", async () => {
    let n = 0;
    const w = await fakeWarden((_req, res) => (++n < 3 ? send(res, 503, problem(503, "unavailable", "down")) : send(res, 201, RUN)));
    const c = client(w.url);
    await expect(c.startRun({})).resolves.toMatchObject({ id: RUN.id });
    expect(w.seen).toHaveLength(3);
    const keys = new Set(w.seen.map((s) => s.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[\x21-\x7e]{1,200}$/);

    await c.startRun({});
    expect(w.seen[3].headers["idempotency-key"]).not.toBe(w.seen[0].headers["idempotency-key"]); // a new call, a new key
  });

  it("retries a dropped connection with the same key", async () => {
    let n = 0;
    const w = await fakeWarden((req, res) => {
      if (++n === 1) return void res.socket!.destroy();
      send(res, 201, action("draft"));
    });
    const d = await client(w.url).authorize({ type: "support.reply", payload: { text: "hi" } });
    expect(d.decision).toBe("draft");
    expect(w.seen).toHaveLength(2);
    expect(w.seen[1].headers["idempotency-key"]).toBe(w.seen[0].headers["idempotency-key"]);
  });

  it("uses the caller's Idempotency-Key when given one", async () => {
    const w = await fakeWarden((_req, res) => send(res, 201, RUN));
    await client(w.url).startRun({}, { idempotencyKey: "task-42" });
    expect(w.seen[0].headers["idempotency-key"]).toBe("task-42");
  });

  it("honours Retry-After on 429", async () => {
    let n = 0;
    const w = await fakeWarden((_req, res) =>
      ++n === 1 ? send(res, 429, problem(429, "rate_limited", "slow down"), { "retry-after": "1" }) : send(res, 200, { id: "a", name: "n", keyId: "k" }),
    );
    await expect(client(w.url).whoami()).resolves.toMatchObject({ name: "n" });
    expect(w.seen).toHaveLength(2);
    expect(w.seen[1].at - w.seen[0].at).toBeGreaterThanOrEqual(950);
  });

  it("gives up at once when Retry-After is longer than maxDelayMs", async () => {
    const w = await fakeWarden((_req, res) => send(res, 429, problem(429, "rate_limited", "slow down"), { "retry-after": "30" }));
    const err = await client(w.url, { retry: { maxAttempts: 5, maxDelayMs: 2_000 } }).whoami().catch((e) => e);
    expect(err).toBeInstanceOf(WardenUnavailableError);
    expect(err).toMatchObject({ status: 429, retryAfterMs: 30_000, attempts: 1 });
    expect(w.seen).toHaveLength(1);
  });

  it.each([
    [400, "bad_request"],
    [401, "unauthenticated"],
    [403, "forbidden"],
    [404, "not_found"],
    [413, "payload_too_large"],
    [422, "validation_failed"],
  ])("never retries a %i", async (status, code) => {
    const fieldErrors = status === 422 ? [{ path: "externalId", message: "too long" }] : undefined;
    const w = await fakeWarden((_req, res) => send(res, status, problem(status, code, "no", { fieldErrors })));
    const err = await client(w.url).startRun({}).catch((e) => e);
    expect(err).toBeInstanceOf(WardenApiError);
    expect(err).toMatchObject({ status, code, fieldErrors: fieldErrors ?? [] });
    expect(err.problem.detail).toBe("no");
    expect(w.seen).toHaveLength(1);
  });

  it("retries a 409 only while the same Idempotency-Key is in flight", async () => {
    let n = 0;
    const w = await fakeWarden((req, res) => {
      if (req.path.endsWith("/runs") && ++n === 1) {
        return send(res, 409, problem(409, "conflict", "A request with this Idempotency-Key is still in progress; retry shortly."), { "retry-after": "1" });
      }
      if (req.method === "PATCH") return send(res, 409, problem(409, "conflict", "The run is already failed.", { runStatus: "failed" }));
      send(res, 201, RUN);
    });
    const c = client(w.url);
    await expect(c.startRun({})).resolves.toMatchObject({ id: RUN.id });
    expect(w.seen.filter((s) => s.method === "POST")).toHaveLength(2);
    const err = await c.finishRun(RUN.id, { status: "succeeded" }).catch((e) => e);
    expect(err).toBeInstanceOf(WardenApiError);
    expect(err.problem.runStatus).toBe("failed");
    expect(w.seen.filter((s) => s.method === "PATCH")).toHaveLength(1);
  });

  it("times out an attempt that gets no answer, retries, then reports Warden unavailable", async () => {
    const w = await fakeWarden(() => {}); // never answers
    const err = await client(w.url, { timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 1 } })
      .getRun(RUN.id)
      .catch((e) => e);
    expect(err).toBeInstanceOf(WardenUnavailableError);
    expect(err.message).toMatch(/no answer within 150 ms/);
    expect(err.attempts).toBe(2);
    expect(w.seen).toHaveLength(2);
    expect(w.seen[0].headers["idempotency-key"]).toBeUndefined(); // GETs need none
  });

  it("reports Warden unavailable after retrying 5xx, with the last status", async () => {
    const w = await fakeWarden((_req, res) => send(res, 500, problem(500, "internal", "oops")));
    const err = await client(w.url).score({ runId: RUN.id, name: "x", value: 1, source: "rule" }).catch((e) => e);
    expect(err).toBeInstanceOf(WardenUnavailableError);
    expect(err).toMatchObject({ status: 500, attempts: 3 });
    expect(w.seen).toHaveLength(3);
  });

  it("uses the fetch it is given", async () => {
    const w = await fakeWarden((_req, res) => send(res, 200, { id: "a", name: "n", keyId: "k" }));
    const calls: string[] = [];
    const c = client(w.url, { fetch: (input, init) => (calls.push(String(input)), fetch(input, init)) });
    await c.whoami();
    expect(calls).toEqual([`${w.url}/api/v1/agent`]);
  });

  it("backs off with full jitter, capped, and never below Retry-After", () => {
    const r = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(1, r, undefined, () => 1)).toBe(100);
    expect(backoffDelay(3, r, undefined, () => 1)).toBe(400);
    expect(backoffDelay(10, r, undefined, () => 1)).toBe(1_000);
    expect(backoffDelay(3, r, undefined, () => 0)).toBe(0);
    expect(backoffDelay(1, r, 700, () => 0.5)).toBe(700);
    expect(backoffDelay(1, r, 2_000, () => 0.5)).toBeNull();
    expect(parseRetryAfter("3")).toBe(3_000);
    expect(parseRetryAfter(new Date(Date.now() + 5_000).toUTCString())).toBeGreaterThan(3_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("SDK authorize", () => {
  it("is executable only for execute, with the payload to use", async () => {
    for (const decision of ["execute", "draft", "halted"]) {
      const w = await fakeWarden((_req, res) => send(res, 201, action(decision, { payload: { text: "edited" } })));
      const d = await client(w.url).authorize({ type: "support.reply", payload: { text: "hi" } });
      expect(d).toMatchObject({ id: ACTION_ID, decision, executable: decision === "execute", payload: { text: "edited" } });
    }
  });

  it("long-polls in slices of at most 60 s until a reviewer decides", async () => {
    let polls = 0;
    const w = await fakeWarden((req, res) => {
      if (req.method === "POST") return send(res, 201, action("wait"));
      polls++;
      send(res, 200, polls < 2 ? action("wait") : action("execute", { payload: { text: "edited by reviewer" } }));
    });
    const d = await client(w.url).authorize({ type: "support.reply", payload: { text: "hi" } }, { waitMs: 150_000 });
    expect(d).toMatchObject({ decision: "execute", executable: true, payload: { text: "edited by reviewer" }, status: "approved" });
    const gets = w.seen.filter((s) => s.method === "GET");
    expect(gets.map((s) => s.path)).toEqual([`/api/v1/actions/${ACTION_ID}`, `/api/v1/actions/${ACTION_ID}`]);
    expect(gets.map((s) => Number(s.query.get("wait")))).toEqual([60, 60]);
  });

  it("stops waiting when waitMs is over and returns the non-executable wait", async () => {
    const w = await fakeWarden(async (req, res) => {
      if (req.method === "POST") return send(res, 201, action("wait"));
      await new Promise((r) => setTimeout(r, Number(req.query.get("wait")) * 1000)); // like the server's long-poll
      send(res, 200, action("wait"));
    });
    const d = await client(w.url).authorize({ type: "support.reply", payload: {} }, { waitMs: 800 });
    expect(d).toMatchObject({ id: ACTION_ID, decision: "wait", executable: false });
    expect(w.seen.filter((s) => s.method === "GET").map((s) => s.query.get("wait"))).toEqual(["1"]);

    const none = await client(w.url).authorize({ type: "support.reply", payload: {} });
    expect(none.decision).toBe("wait");
    expect(w.seen.filter((s) => s.method === "GET")).toHaveLength(1); // waitMs 0: no poll
  });

  it("resumes waiting with waitForDecision", async () => {
    const w = await fakeWarden((req, res) => send(res, 200, req.query.get("wait") ? action("rejected") : action("wait")));
    const d = await client(w.url).waitForDecision(ACTION_ID, { waitMs: 5_000 });
    expect(d).toMatchObject({ decision: "rejected", executable: false });
    expect(w.seen.map((s) => s.query.get("wait"))).toEqual([null, "5"]);
  });

  it("fails closed when Warden cannot be reached: no throw, nothing executable", async () => {
    const port = await closedPort();
    const d = await client(`http://127.0.0.1:${port}`).authorize({ type: "payments.refund", payload: { amount: 10 } });
    expect(d).toMatchObject({ id: null, decision: "unavailable", executable: false, payload: null });
    expect(d.error).toBeInstanceOf(WardenUnavailableError);
    expect(d.reason).toMatch(/ECONNREFUSED|network error/);
  });

  it("fails closed on 5xx after retries and on timeouts", async () => {
    const down = await fakeWarden((_req, res) => send(res, 503, problem(503, "unavailable", "maintenance")));
    const d = await client(down.url).authorize({ type: "payments.refund", payload: {} });
    expect(d).toMatchObject({ decision: "unavailable", executable: false });
    expect(down.seen).toHaveLength(3);

    const silent = await fakeWarden(() => {});
    const t = await client(silent.url, { timeoutMs: 100, retry: { maxAttempts: 1 } }).authorize({ type: "payments.refund", payload: {} });
    expect(t).toMatchObject({ decision: "unavailable", executable: false });
  });

  it("fails closed when the long-poll loses Warden, keeping the action id", async () => {
    let gets = 0;
    const w = await fakeWarden((req, res) => {
      if (req.method === "POST") return send(res, 201, action("wait"));
      gets++;
      res.socket!.destroy();
    });
    const d = await client(w.url).authorize({ type: "payments.refund", payload: {} }, { waitMs: 10_000 });
    expect(d).toMatchObject({ id: ACTION_ID, decision: "unavailable", executable: false, status: "pending" });
    expect(gets).toBe(3);
  });

  it("turns a refused payload (422) into a non-executable rejected decision with field errors", async () => {
    const fieldErrors = [{ path: "payload.amount", message: "must be >= 0" }];
    const w = await fakeWarden((_req, res) => send(res, 422, problem(422, "validation_failed", "payload fails the schema", { fieldErrors })));
    const d = await client(w.url).authorize({ type: "payments.refund", payload: { amount: -1 } });
    expect(d).toMatchObject({ decision: "rejected", executable: false, fieldErrors, reason: "payload fails the schema" });
    expect(d.error).toBeInstanceOf(WardenApiError);
    expect(w.seen).toHaveLength(1);
  });

  it("withdraws the pending action when the caller's signal aborts mid-wait, with the signal's reason", async () => {
    const w = await fakeWarden((req, res) => {
      if (req.method === "POST" && req.path.endsWith("/cancel")) return send(res, 200, action("rejected", { status: "cancelled", decisionReason: req.body.reason }));
      if (req.method === "POST") return send(res, 201, action("wait"));
      // The long-poll never answers: only the abort ends it.
    });
    const controller = new AbortController();
    const pending = client(w.url).authorize({ type: "support.reply", payload: {} }, { waitMs: 60_000, signal: controller.signal });
    await expect.poll(() => w.seen.filter((s) => s.method === "GET").length).toBe(1);
    controller.abort("The MCP client cancelled the call.");
    const d = await pending;
    expect(d).toMatchObject({ id: ACTION_ID, executable: false, status: "cancelled", reason: "The MCP client cancelled the call." });
    const cancels = w.seen.filter((s) => s.path === `/api/v1/actions/${ACTION_ID}/cancel`);
    expect(cancels).toHaveLength(1);
    expect(cancels[0].body).toEqual({ reason: "The MCP client cancelled the call." });
    expect(cancels[0].headers["idempotency-key"]).toBeTruthy();
    expect(w.seen.filter((s) => s.method === "GET")).toHaveLength(1); // no retry of the aborted poll
  });

  it("withdraws right after the request when the signal aborted while it was sent; a decision that won stays unexecutable", async () => {
    const controller = new AbortController();
    const w = await fakeWarden((req, res) => {
      if (req.path.endsWith("/cancel")) return send(res, 409, problem(409, "conflict", "Only a pending action can be cancelled; this one is approved.", { actionStatus: "approved" }));
      controller.abort();
      send(res, 201, action("wait"));
    });
    const d = await client(w.url).authorize({ type: "support.reply", payload: {} }, { waitMs: 60_000, signal: controller.signal });
    expect(d).toMatchObject({ id: ACTION_ID, executable: false, decision: "rejected" });
    expect(d.reason).toContain("this one is approved");
    expect(w.seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /api/v1/actions", `POST /api/v1/actions/${ACTION_ID}/cancel`]);
  });

  it("polls in slices of pollMs and reports the wait as it starts and after each slice that ends undecided", async () => {
    let gets = 0;
    const w = await fakeWarden((req, res) => {
      if (req.method === "POST") return send(res, 201, action("wait"));
      gets++;
      send(res, 200, gets < 3 ? action("wait") : action("execute"));
    });
    const waited: string[] = [];
    const d = await client(w.url).authorize({ type: "support.reply", payload: {} }, { waitMs: 60_000, pollMs: 5_000, onWaiting: (i) => waited.push(i.id) });
    expect(d.executable).toBe(true);
    expect(w.seen.filter((s) => s.method === "GET").map((s) => s.query.get("wait"))).toEqual(["5", "5", "5"]);
    expect(waited).toEqual([ACTION_ID, ACTION_ID, ACTION_ID]);
  });

  it("cancels, lists and declares action types on the agent API", async () => {
    const w = await fakeWarden((req, res) => send(res, 200, req.path.endsWith("/cancel") ? action("rejected", { status: "cancelled" }) : req.method === "GET" ? [] : { key: "mcp.fs.read" }));
    const warden = client(w.url);
    expect(await warden.cancel(ACTION_ID, { reason: "done" })).toMatchObject({ status: "cancelled" });
    expect(await warden.listActionTypes()).toEqual([]);
    expect(await warden.declareActionType({ key: "mcp.fs.read", payloadSchema: { type: "object" } })).toEqual({ key: "mcp.fs.read" });
    expect(w.seen.map((s) => `${s.method} ${s.path} ${JSON.stringify(s.body ?? null)}`)).toEqual([
      `POST /api/v1/actions/${ACTION_ID}/cancel {"reason":"done"}`,
      "GET /api/v1/action-types null",
      'POST /api/v1/action-types {"key":"mcp.fs.read","payloadSchema":{"type":"object"}}',
    ]);
  });

  it("never treats an unknown or garbled answer as permission", async () => {
    const odd = await fakeWarden((_req, res) => send(res, 201, action("maybe")));
    expect(await client(odd.url).authorize({ type: "a.b", payload: {} })).toMatchObject({ executable: false });
    const html = await fakeWarden((_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<html>proxy</html>"));
    expect(await client(html.url).authorize({ type: "a.b", payload: {} })).toMatchObject({ decision: "unavailable", executable: false });
  });
});

describe("SDK spans", () => {
  const span = (name: string) => ({ name, startTime: new Date().toISOString(), kind: "tool" as const });
  const spansOk = (req: Seen, res: ServerResponse, extra: object = {}) =>
    send(res, 200, { accepted: req.body.spans.length, run: RUN, continue: true, reason: null, ...extra });

  it("buffers spans and sends them in batches of maxBatch, each span with an id", async () => {
    const w = await fakeWarden((req, res) => spansOk(req, res));
    const c = client(w.url, { flush: { maxBatch: 3, intervalMs: 60_000 } });
    for (let i = 0; i < 7; i++) c.recordSpans(RUN.id, span(`s${i}`));
    c.recordSpans(RUN.id, { ...span("mine"), id: "my-span-id" });
    expect(w.seen).toHaveLength(0); // nothing is sent synchronously
    expect(await c.flush()).toEqual({ sent: 8, requeued: 0, dropped: 0 });
    const batches = w.seen.map((s) => s.body.spans.map((x: { name: string }) => x.name));
    expect(batches).toEqual([["s0", "s1", "s2"], ["s3", "s4", "s5"], ["s6", "mine"]]);
    const ids = w.seen.flatMap((s) => s.body.spans.map((x: { id: string }) => x.id));
    expect(new Set(ids).size).toBe(8);
    expect(ids).toContain("my-span-id");
    expect(w.seen.every((s) => s.path === `/api/v1/runs/${RUN.id}/spans` && s.headers["idempotency-key"])).toBe(true);
    await c.shutdown();
  });

  it("flushes a full batch on its own, and the rest on the interval", async () => {
    const w = await fakeWarden((req, res) => spansOk(req, res));
    const c = client(w.url, { flush: { maxBatch: 2, intervalMs: 100 } });
    c.recordSpans(RUN.id, [span("a"), span("b")]);
    await expect.poll(() => w.seen.length, { timeout: 2_000 }).toBe(1);
    c.recordSpans(RUN.id, span("c"));
    await expect.poll(() => w.seen.length, { timeout: 2_000 }).toBe(2);
    expect(w.seen[1].body.spans.map((s: { name: string }) => s.name)).toEqual(["c"]);
    await c.shutdown();
  });

  it("returns the run's latest continue/reason", async () => {
    const w = await fakeWarden((req, res) => spansOk(req, res, { continue: false, reason: "run budget exceeded" }));
    const c = client(w.url, { flush: { intervalMs: 60_000 } });
    expect(c.recordSpans(RUN.id, span("a"))).toEqual({ continue: true, reason: null });
    await c.flush();
    expect(c.runSignal(RUN.id)).toEqual({ continue: false, reason: "run budget exceeded" });
    expect(c.recordSpans(RUN.id, span("b"))).toEqual({ continue: false, reason: "run budget exceeded" });
    await c.shutdown();
  });

  it("keeps spans when Warden is unavailable and sends the same spans (same ids) later", async () => {
    let down = true;
    const w = await fakeWarden((req, res) => (down ? send(res, 503, problem(503, "unavailable", "down")) : spansOk(req, res)));
    const errors: Error[] = [];
    const c = client(w.url, { retry: { maxAttempts: 1 }, flush: { intervalMs: 60_000 }, onError: (e) => errors.push(e) });
    c.recordSpans(RUN.id, [span("a"), span("b")]);
    expect(await c.flush()).toEqual({ sent: 0, requeued: 2, dropped: 0 });
    expect(errors[0]).toBeInstanceOf(WardenUnavailableError);
    down = false;
    c.recordSpans(RUN.id, span("c"));
    expect(await c.flush()).toEqual({ sent: 3, requeued: 0, dropped: 0 });
    const [first, second] = w.seen;
    expect(second.body.spans.slice(0, 2).map((s: { id: string }) => s.id)).toEqual(first.body.spans.map((s: { id: string }) => s.id));
    expect(second.body.spans.map((s: { name: string }) => s.name)).toEqual(["a", "b", "c"]);
    await c.shutdown();
  });

  it("drops a batch Warden refuses (4xx) instead of retrying it forever", async () => {
    const fieldErrors = [{ path: "spans.0.name", message: "required" }];
    const w = await fakeWarden((_req, res) => send(res, 422, problem(422, "validation_failed", "bad span", { fieldErrors })));
    const errors: Error[] = [];
    const c = client(w.url, { flush: { intervalMs: 60_000 }, onError: (e) => errors.push(e) });
    c.recordSpans(RUN.id, span("a"));
    expect(await c.flush()).toEqual({ sent: 0, requeued: 0, dropped: 1 });
    expect(errors[0]).toBeInstanceOf(WardenApiError);
    expect(await c.flush()).toEqual({ sent: 0, requeued: 0, dropped: 0 });
    expect(w.seen).toHaveLength(1);
  });

  it("drops the oldest spans beyond maxBuffered", async () => {
    const w = await fakeWarden((req, res) => spansOk(req, res));
    const errors: Error[] = [];
    const c = client(w.url, { flush: { maxBatch: 100, intervalMs: 60_000, maxBuffered: 3 }, onError: (e) => errors.push(e) });
    c.recordSpans(RUN.id, [span("a"), span("b"), span("c"), span("d"), span("e")]);
    expect(await c.flush()).toEqual({ sent: 3, requeued: 0, dropped: 2 });
    expect(w.seen[0].body.spans.map((s: { name: string }) => s.name)).toEqual(["c", "d", "e"]);
    expect(errors[0].message).toMatch(/buffer full/);
  });

  it("finishRun sends the run's spans first; shutdown sends the rest and closes", async () => {
    const w = await fakeWarden((req, res) => (req.method === "PATCH" ? send(res, 200, { ...RUN, status: "succeeded" }) : spansOk(req, res)));
    const c = client(w.url, { flush: { intervalMs: 60_000 } });
    c.recordSpans(RUN.id, span("a"));
    await c.finishRun(RUN.id, { status: "succeeded" });
    expect(w.seen.map((s) => s.method)).toEqual(["POST", "PATCH"]);
    c.recordSpans("11111111-2222-4333-8444-555555555555", span("late"));
    expect(await c.shutdown()).toEqual({ sent: 1, requeued: 0, dropped: 0 });
    expect(w.seen).toHaveLength(3);
    expect(() => c.recordSpans(RUN.id, span("after"))).toThrow(/shutdown/);
  });
});
