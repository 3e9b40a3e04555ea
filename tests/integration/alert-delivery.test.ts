import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannel, deliverDueAlerts, getChannel, MAX_ATTEMPTS, sendTestAlert, updateChannel } from "../../lib/alerts";
import { raiseIncident } from "../../lib/incidents";
import { useScratchDb } from "../helpers/db";
import { makeUser } from "../helpers/factories";

// Alerts out, against a loopback receiver that verifies every signature as a customer's would.
// On a database of this file's own: app servers of other test files run the delivery job too.

const getDb = useScratchDb("alerts");

type Received = { headers: IncomingHttpHeaders; body: string; verified: boolean; path: string };
let server: Server;
let base = "";
const received: Received[] = [];
const secrets = new Map<string, string>(); // path → the channel's secret
const plan = new Map<string, number[]>(); // path → status codes to answer, in order (then 200)

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const path = req.url ?? "/";
      let verified = false;
      try {
        new Webhook(secrets.get(path) ?? "whsec_AAAA").verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ headers: req.headers, body, verified, path });
      const status = plan.get(path)?.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "receiver failed");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function channel(path: string, over: Record<string, unknown> = {}) {
  const { actor } = await makeUser(getDb(), "manager");
  const c = await createChannel(getDb(), actor, { name: `ch ${path}`, url: `${base}${path}`, ...over });
  secrets.set(path, c.secret!);
  return { c, actor };
}

const at = (ms: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, 0) + ms);

describe("alert delivery", () => {
  it("delivers a signed incident alert, retries after a 500 with backoff, and logs each attempt", async () => {
    const db = getDb();
    const { c, actor } = await channel("/ops", { kinds: ["budget_exceeded"] });
    plan.set("/ops", [500]);
    const incident = await db.$transaction((tx) =>
      raiseIncident(tx, { kind: "budget_exceeded", severity: "warning", title: "support-bot: Cost budget exceeded" }, at(0)),
    );

    const first = await deliverDueAlerts(db, { now: () => at(1_000), retryBaseMs: 60_000 });
    expect(first).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    // Not due again before its backoff (60 s ± 20 %) has passed.
    expect(await deliverDueAlerts(db, { now: () => at(40_000), retryBaseMs: 60_000 })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    const second = await deliverDueAlerts(db, { now: () => at(80_000), retryBaseMs: 60_000 });
    expect(second).toEqual({ delivered: 1, retrying: 0, failed: 0 });

    const mine = received.filter((r) => r.path === "/ops");
    expect(mine).toHaveLength(2);
    expect(mine.every((r) => r.verified)).toBe(true);
    // The same webhook-id on the retry, so a receiver can drop a duplicate.
    expect(new Set(mine.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(JSON.parse(mine[1].body)).toMatchObject({
      type: "incident.opened",
      data: { id: incident!.id, kind: "budget_exceeded", severity: "warning", title: "support-bot: Cost budget exceeded", path: `/incidents/${incident!.id}` },
    });

    const log = await getChannel(db, actor, c.id);
    expect(log.deliveries).toHaveLength(1);
    expect(log.deliveries[0]).toMatchObject({ status: "delivered", attempts: 2, incidentId: incident!.id, summary: "support-bot: Cost budget exceeded" });
    expect(log.deliveries[0].log.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, "HTTP 500: receiver failed"],
      [2, 200, null],
    ]);
    expect(log.channel.stats).toMatchObject({ delivered: 1, pending: 0, failed: 0 });
  });

  it("routes by kind and minimum severity, in the incident's transaction", async () => {
    const db = getDb();
    await channel("/critical-only", { minSeverity: "critical" });
    await channel("/loops", { kinds: ["loop_detected"], minSeverity: "info" });
    await channel("/disabled").then(({ c, actor }) => updateChannel(db, actor, c.id, { enabled: false, version: c.version }));
    const before = received.length;
    await db.$transaction(async (tx) => {
      await raiseIncident(tx, { kind: "loop_detected", severity: "warning", title: "a loop" });
      await raiseIncident(tx, { kind: "spend_cap_reached", severity: "critical", title: "a cap" });
      await raiseIncident(tx, { kind: "kill_switch_off", severity: "info", title: "an off" });
    });
    // A rolled-back incident leaves no delivery behind.
    await db.$transaction(async (tx) => {
      await raiseIncident(tx, { kind: "loop_detected", severity: "critical", title: "never happened" });
      throw new Error("rollback");
    }).catch(() => {});
    while ((await deliverDueAlerts(db, { now: () => at(10 ** 9) })).delivered > 0);
    const got = received.slice(before).map((r) => [r.path, JSON.parse(r.body).data.title]);
    expect(got.sort()).toEqual([
      ["/critical-only", "a cap"],
      ["/loops", "a loop"],
    ]);
  });

  it("two instances delivering at once send each alert exactly once", async () => {
    const db = getDb();
    await channel("/race", { kinds: ["race"] });
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await raiseIncident(tx, { kind: "race", severity: "warning", title: `race ${i}` });
    });
    const before = received.filter((r) => r.path === "/race").length;
    const runs = await Promise.all(Array.from({ length: 4 }, () => deliverDueAlerts(db, { now: () => at(10 ** 9), batch: 10 })));
    const more = await deliverDueAlerts(db, { now: () => at(10 ** 9), batch: 30 });
    const sent = runs.reduce((n, r) => n + r.delivered, 0) + more.delivered;
    const race = received.filter((r) => r.path === "/race").slice(before);
    expect(sent).toBe(30);
    expect(race).toHaveLength(30);
    expect(new Set(race.map((r) => JSON.parse(r.body).data.title)).size).toBe(30);
  });

  it("gives up after the last attempt, and the send-test button reports what the receiver said", async () => {
    const db = getDb();
    const { c, actor } = await channel("/down", { kinds: ["down"] });
    plan.set("/down", Array(MAX_ATTEMPTS + 1).fill(503));
    await db.$transaction((tx) => raiseIncident(tx, { kind: "down", severity: "critical", title: "nobody listens" }));
    for (let i = 0; i < MAX_ATTEMPTS; i++) await deliverDueAlerts(db, { now: () => at(10 ** 9 + i * 10 ** 8) });
    const log = await getChannel(db, actor, c.id);
    expect(log.deliveries[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "HTTP 503: receiver failed" });
    expect(log.deliveries[0].log).toHaveLength(MAX_ATTEMPTS);

    plan.set("/down", [503]);
    const test = await sendTestAlert(db, actor, c.id);
    expect(test).toMatchObject({ eventType: "test", status: "pending", attempts: 1, lastError: "HTTP 503: receiver failed" });
    plan.set("/down", []);
    const ok = await sendTestAlert(db, actor, c.id);
    expect(ok).toMatchObject({ status: "delivered", attempts: 1 });
    const last = received.filter((r) => r.path === "/down").at(-1)!;
    expect(last.verified).toBe(true);
    expect(JSON.parse(last.body)).toMatchObject({ type: "test", data: { kind: "test" } });
  });

  it("sends Slack-compatible bodies, signed all the same", async () => {
    const db = getDb();
    await channel("/slack", { kinds: ["slacky"], format: "slack" });
    await db.$transaction((tx) => raiseIncident(tx, { kind: "slacky", severity: "critical", title: "to slack" }));
    await deliverDueAlerts(db, { now: () => at(10 ** 12) });
    const r = received.filter((x) => x.path === "/slack").at(-1)!;
    expect(r.verified).toBe(true);
    expect(JSON.parse(r.body)).toMatchObject({ text: "[CRITICAL] to slack", blocks: [{ type: "section" }, { type: "context" }] });
  });
});
