import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeAgent, uniq } from "../helpers/factories";

// The Warden server as the outside sees it: security headers on every response, request ids,
// one JSON log line per request, /metrics behind its token, 405 for methods a route does not
// take, and a graceful shutdown on SIGTERM.

const db = useTestDb();
const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
let app: AppServer;

beforeAll(async () => {
  app = await startApp({
    databaseUrl: inject("databaseUrl"),
    env: { LOG_LEVEL: "info", WARDEN_METRICS_TOKEN: METRICS_TOKEN, WARDEN_TRUSTED_PROXIES: "loopback" },
  });
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

/** The JSON log lines the app printed after `from` (an offset into its output). */
function logLines(from = 0): Record<string, unknown>[] {
  return app
    .output()
    .slice(from)
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function waitForLog(match: (l: Record<string, unknown>) => boolean, from: number) {
  for (let i = 0; i < 100; i++) {
    const found = logLines(from).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no such log line in:\n${app.output().slice(from)}`);
}

describe("security headers", () => {
  it("are on API responses and pages; the page's scripts carry the CSP nonce", async () => {
    for (const path of ["/api/health", "/api/v1/agent", "/sign-in", "/no-such-page"]) {
      const res = await fetch(`${app.url}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("strict-transport-security"), path).toBeNull(); // plain http
    }
    const page = await fetch(`${app.url}/sign-in`);
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy")!)![1];
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  });

  it("adds HSTS when a trusted proxy says the request came over https", async () => {
    const viaProxy = await fetch(`${app.url}/api/health`, { headers: { "x-forwarded-proto": "https" } });
    expect(viaProxy.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});

describe("request ids and logs", () => {
  it("returns a request id, keeps a sane one the caller sent, and logs one JSON line per request", async () => {
    const { agent, key } = await makeAgent(db);
    const from = app.output().length;
    const sent = `req-${uniq("id")}`;
    const res = await fetch(`${app.url}/api/v1/agent`, { headers: { authorization: `Bearer ${key}`, "x-request-id": sent } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(sent);
    const line = await waitForLog((l) => l.requestId === sent, from);
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", route: "/api/v1/agent", status: 200, agentId: agent.id });
    expect(typeof line.ms).toBe("number");

    const odd = await fetch(`${app.url}/api/health`, { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs the route template, not the raw path, and a 404 for an unknown id", async () => {
    const { key } = await makeAgent(db);
    const from = app.output().length;
    const id = "00000000-0000-4000-8000-000000000000";
    const res = await fetch(`${app.url}/api/v1/actions/${id}`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(404);
    const line = await waitForLog((l) => l.path === `/api/v1/actions/${id}`, from);
    expect(line).toMatchObject({ route: "/api/v1/actions/[id]", status: 404 });
  });
});

describe("methods a route does not take", () => {
  it("TRACE and DELETE get 405 problem+json with Allow; OPTIONS lists the methods", async () => {
    for (const method of ["TRACE", "DELETE", "PUT"]) {
      const res = await rawRequest(method, "/api/v1/runs");
      expect(res.status, method).toBe(405);
      expect(res.headers["content-type"], method).toMatch(/application\/problem\+json/);
      expect(res.headers.allow, method).toBe("POST, OPTIONS");
      expect(JSON.parse(res.body)).toMatchObject({ status: 405, code: "method_not_allowed" });
    }
    const options = await rawRequest("OPTIONS", "/api/v1/actions/00000000-0000-4000-8000-000000000000");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect((await rawRequest("TRACE", "/nowhere-at-all")).status).toBe(404);
  });
});

describe("GET /metrics", () => {
  it("is 404 without the token or with a wrong one", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer nope" } })).status).toBe(404);
  });

  it("serves Prometheus text with requests, spans, actions, queue depth, waiters, jobs and the pool", async () => {
    const { key } = await makeAgent(db);
    const type = `metrics.${uniq("t").replace(/-/g, "_")}`;
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const run = await (await fetch(`${app.url}/api/v1/runs`, { method: "POST", headers, body: "{}" })).json();
    const t = new Date().toISOString();
    await fetch(`${app.url}/api/v1/runs/${run.id}/spans`, {
      method: "POST",
      headers,
      body: JSON.stringify({ spans: [{ name: "a", startTime: t }, { name: "b", startTime: t }] }),
    });
    const asked = await (await fetch(`${app.url}/api/v1/actions`, { method: "POST", headers, body: JSON.stringify({ type, payload: {} }) })).json();
    expect(asked.decision).toBe("draft");

    const res = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/warden_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/runs\/\[id\]\/spans"[^}]*status="200"/);
    expect(text).toMatch(/warden_spans_ingested_total\{source="rest"\} \d+/);
    expect(text).toMatch(/warden_action_requests_total\{decision="draft"\} \d+/);
    expect(text).toContain(`warden_queue_depth{type="${type}",kind="draft"} 1`);
    expect(text).toMatch(/warden_longpoll_waiters \d+/);
    expect(text).toMatch(/warden_listen_connected 1/);
    expect(text).toMatch(/warden_db_pool_connections\{state="total"\} \d+/);
    expect(text).toContain("# TYPE warden_job_runs_total counter");
    expect(text).toContain("# TYPE warden_decision_latency_seconds histogram");
    expect(text).toMatch(/process_cpu_seconds_total/);
  });
});

describe("graceful shutdown (SIGTERM)", () => {
  it("finishes in-flight requests, answers waiting long-polls at once, refuses new connections, and exits 0", async () => {
    const own = await startApp({ databaseUrl: inject("databaseUrl"), env: { LOG_LEVEL: "info" } });
    const { key } = await makeAgent(db);
    const type = `shutdown.${uniq("t").replace(/-/g, "_")}`;
    await db.actionType.create({ data: { key: type, level: 2 } });
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const asked = await (await fetch(`${own.url}/api/v1/actions`, { method: "POST", headers, body: JSON.stringify({ type, payload: {} }) })).json();

    // A long-poll that would wait 50 s, and a request whose body is still arriving.
    const waitStarted = performance.now();
    const waiting = fetch(`${own.url}/api/v1/actions/${asked.id}?wait=50`, { headers }).then(async (r) => ({ status: r.status, body: await r.json(), ms: performance.now() - waitStarted }));
    const slow = slowPost(own.port, "/api/v1/runs", key, JSON.stringify({ externalId: uniq("slow") }));
    await slow.headersSent;
    await new Promise((r) => setTimeout(r, 300));

    process.kill(own.pid, "SIGTERM");
    const polled = await waiting;
    expect(polled.status).toBe(200);
    expect(polled.body).toMatchObject({ id: asked.id, decision: "wait" });
    expect(polled.ms).toBeLessThan(45_000); // answered long before its 50 s

    await new Promise((r) => setTimeout(r, 200));
    await expect(fetch(`${own.url}/api/health`)).rejects.toThrow(); // no new connections
    slow.finish();
    const finished = await slow.response;
    expect(finished.status).toBe(201);
    expect(JSON.parse(finished.body)).toMatchObject({ status: "running" });

    expect(await own.exited).toBe(0);
    expect(own.output()).toMatch(/shut down cleanly/);
  });
});

function rawRequest(method: string, path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A POST whose body arrives in two parts: the request is in flight until finish() is called. */
function slowPost(port: number, path: string, key: string, body: string) {
  let finish!: () => void;
  let sentHeaders!: () => void;
  const headersSent = new Promise<void>((r) => (sentHeaders = r));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path, method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on("error", reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half), () => sentHeaders());
    finish = () => req.end(body.slice(half));
  });
  return { headersSent, response, finish: () => finish() };
}
