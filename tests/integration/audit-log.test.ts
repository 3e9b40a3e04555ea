import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAction } from "../../lib/actions";
import {
  auditContent,
  contentHash,
  generateSigningKeyPem,
  linkHash,
  pruneAuditEvents,
  publicKeyPem,
  recordAuditEvent,
  signingKeyFromPem,
  verifyAuditLog,
} from "../../lib/audit";
import { EVENT_COLUMNS, eventFields, type EventRow } from "../../lib/audit/rows";
import { createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { startApp, type AppServer } from "../helpers/app-server";
import { makeAgent, makeUser, uniq } from "../helpers/factories";
import { signInOverHttp } from "../helpers/http-session";
import { createScratchDatabase, dropDatabase } from "../helpers/pg-server";

// The audit chain end to end on a database of its own (its tests tamper with rows): two app
// instances, both running the chainer, with twenty agents writing through both at once; then
// audit:verify and the evidence export, as an operator and an auditor would run them.

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const KEY_PEM = generateSigningKeyPem();
const key = signingKeyFromPem(KEY_PEM);
const WRITERS = 20;
const REQUESTS = 15;

let dbName = "";
let url = "";
let db: Db;
let a: AppServer;
let b: AppServer;
let dir = "";

beforeAll(async () => {
  const s = await createScratchDatabase("audit");
  dbName = s.name;
  url = s.url;
  await applyMigrations({ kind: "postgres", url });
  db = createDb({ kind: "postgres", url }, { poolMax: 4 });
  const env = { WARDEN_AUDIT_SIGNING_KEY: KEY_PEM, WARDEN_AUDIT_CHAIN_INTERVAL_MS: "150", WARDEN_AUDIT_CHECKPOINT_SECONDS: "1" };
  [a, b] = await Promise.all([startApp({ databaseUrl: url, env }), startApp({ databaseUrl: url, env })]);
  dir = mkdtempSync(path.join(tmpdir(), "warden-audit-"));
  writeFileSync(path.join(dir, "public.pem"), publicKeyPem(key));
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.$disconnect();
  if (dbName) await dropDatabase(dbName);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (no time is asserted) until every event is linked and the head is signed. */
async function settled(): Promise<{ events: number; links: number }> {
  for (let i = 0; ; i++) {
    const [r] = await db.$queryRaw<{ events: bigint; links: bigint; head: bigint | null; signed: bigint | null }[]>`
      SELECT (SELECT count(*) FROM audit_events) AS events, (SELECT count(*) FROM audit_chain) AS links,
             (SELECT max(seq) FROM audit_chain) AS head, (SELECT max(seq) FROM audit_checkpoints) AS signed`;
    if (r.events === r.links && r.head !== null && r.signed === r.head) return { events: Number(r.events), links: Number(r.links) };
    if (i > 450) throw new Error(`the chain did not catch up: ${r.links} of ${r.events} events linked, head ${r.head}, signed ${r.signed}`);
    await sleep(100);
  }
}

const script = (name: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, WARDEN_AUDIT_SIGNING_KEY: KEY_PEM, LOG_LEVEL: "silent", ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

/** Turns off the append-only trigger for one statement, as someone with the database's owner rights could. */
async function tamper(sql: string) {
  await db.$transaction([
    db.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only"),
    db.$executeRawUnsafe(sql),
    db.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only"),
  ]);
}

describe("the audit chain", () => {
  it("20 concurrent writers on two instances produce one unbroken chain", async () => {
    const type = `audit_${uniq("w").slice(2).replace(/-/g, "_")}.act`;
    const agents = await Promise.all(Array.from({ length: WRITERS }, () => makeAgent(db)));
    await Promise.all(
      agents.map(async ({ key: apiKey }, w) => {
        for (let i = 0; i < REQUESTS; i++) {
          // Every writer alternates instances, so both insert at once all the time.
          const app = (w + i) % 2 ? a : b;
          const res = await fetch(`${app.url}/api/v1/actions`, {
            method: "POST",
            headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
            body: JSON.stringify({ type, payload: { writer: w, i }, confidence: 0.5 }),
          });
          expect(res.status).toBe(201);
        }
      }),
    );
    const { events, links } = await settled();
    expect(links).toBe(events);
    expect(events).toBeGreaterThanOrEqual(WRITERS * REQUESTS);

    // No forks: one link per seq from 1 up, each event once, each previous hash used once, and
    // the order is the inserting transactions' order.
    const [shape] = await db.$queryRaw<{ n: bigint; min: bigint; max: bigint; events: bigint; prevs: bigint; ordered: boolean }[]>`
      SELECT count(*) AS n, min(seq) AS min, max(seq) AS max, count(DISTINCT event_id) AS events, count(DISTINCT prev_hash) AS prevs,
             bool_and(ok) AS ordered
      FROM (SELECT seq, event_id, prev_hash,
                   coalesce((event_xact_id, event_id) > lag((event_xact_id, event_id)) OVER (ORDER BY seq), true) AS ok
            FROM audit_chain) c`;
    expect(shape).toEqual({ n: BigInt(events), min: 1n, max: BigInt(events), events: BigInt(events), prevs: BigInt(events), ordered: true });

    const verified = await verifyAuditLog(db, { keys: [key], retentionDays: null });
    expect(verified).toMatchObject({ ok: true, links: events, firstSeq: 1, lastSeq: events, pending: 0 });
    expect(verified.checkpoints.verified).toBeGreaterThanOrEqual(1);
    expect((await script("audit-verify", [])).out).toMatch(new RegExp(`audit chain: intact — ${events} link\\(s\\) checked`));
  }, 120_000);

  it("an event whose transaction commits late is linked in its transaction's order, not skipped", async () => {
    // id order is not commit order: this event gets its id first but commits after others.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let lateId = 0n;
    const late = db.$transaction(
      async (tx) => {
        lateId = (await recordAuditEvent(tx, { actor: { type: "system" }, action: "test.late", targetType: "test" })).id;
        await gate;
      },
      { timeout: 60_000 },
    );
    while (lateId === 0n) await sleep(10);
    const { key: apiKey } = await makeAgent(db);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${a.url}/api/v1/actions`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ type: "audit_late.act", payload: { i } }),
      });
      expect(res.status).toBe(201);
    }
    // Let the chainers run a few times while the early transaction is still open.
    await sleep(1_500);
    release();
    await late;
    await settled();
    const [lateLink] = await db.$queryRaw<{ seq: bigint }[]>`SELECT seq FROM audit_chain WHERE event_id = ${lateId}`;
    const after = await db.$queryRaw<{ seq: bigint }[]>`
      SELECT c.seq FROM audit_chain c JOIN audit_events e ON e.id = c.event_id WHERE e.id > ${lateId}`;
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(after.every((l) => l.seq > lateLink.seq)).toBe(true);
    expect((await verifyAuditLog(db, { keys: [key], retentionDays: null })).ok).toBe(true);
  }, 120_000);

  it("refuses UPDATE and DELETE of audit rows from the application", async () => {
    const [e] = await db.auditEvent.findMany({ take: 1 });
    await expect(db.auditEvent.update({ where: { id: e.id }, data: { action: "x" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_chain WHERE seq = 1`).rejects.toThrow(/append-only/);
  });

  it("audit:verify reports a modified row at the right event, even when its stored hash was recomputed", async () => {
    await settled();
    const [victim] = await db.$queryRaw<{ seq: bigint; event_id: bigint; action: string; after: Record<string, unknown> }[]>`
      SELECT c.seq, c.event_id, e.action, e.after FROM audit_chain c JOIN audit_events e ON e.id = c.event_id
      ORDER BY c.seq OFFSET (SELECT count(*) / 2 FROM audit_chain) LIMIT 1`;
    const original = JSON.stringify(victim.after);
    await tamper(`UPDATE audit_events SET after = jsonb_set(after, '{route}', '"execute"') WHERE id = ${victim.event_id}`);
    const broken = await script("audit-verify", []);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`audit chain: BROKEN at link ${victim.seq} (event ${victim.event_id}, ${victim.action},`);
    expect(broken.out).toMatch(/changed after it was written/);
    expect(broken.out).toContain(`checked ${Number(victim.seq) - 1} link(s) before it`);

    // The row's own hash recomputed to match the edit: the chain's hash for it still differs.
    const [row] = await db.$queryRawUnsafe<EventRow[]>(`SELECT ${EVENT_COLUMNS} FROM audit_events e WHERE e.id = ${victim.event_id}`);
    await tamper(`UPDATE audit_events SET content_hash = '${contentHash(auditContent(eventFields(row)))}' WHERE id = ${victim.event_id}`);
    const rehashed = await script("audit-verify", []);
    expect(rehashed.out).toContain(`audit chain: BROKEN at link ${victim.seq} (event ${victim.event_id}`);
    expect(rehashed.out).toMatch(/hash chained for it/);

    // And the chain rewritten from there on as well: the next signed checkpoint no longer matches.
    const links = await db.$queryRaw<{ seq: bigint; content_hash: string; prev_hash: string; chain_hash: string }[]>`
      SELECT seq, content_hash, prev_hash, chain_hash FROM audit_chain WHERE seq >= ${victim.seq} ORDER BY seq`;
    const [cp] = await db.$queryRaw<{ seq: bigint }[]>`SELECT seq FROM audit_checkpoints WHERE seq >= ${victim.seq} ORDER BY seq LIMIT 1`;
    let prev = links[0].prev_hash;
    const rewritten = links.map((l, i) => {
      const content = i === 0 ? contentHash(auditContent(eventFields(row))) : l.content_hash;
      const chain = linkHash(l.seq, prev, content);
      const out = `UPDATE audit_chain SET content_hash = '${content}', prev_hash = '${prev}', chain_hash = '${chain}' WHERE seq = ${l.seq}`;
      prev = chain;
      return out;
    });
    const rewrite = async (statements: string[]) =>
      db.$transaction([
        db.$executeRawUnsafe("ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_append_only"),
        ...statements.map((sql) => db.$executeRawUnsafe(sql)),
        db.$executeRawUnsafe("ALTER TABLE audit_chain ENABLE TRIGGER audit_chain_append_only"),
      ]);
    await rewrite(rewritten);
    const resigned = await script("audit-verify", []);
    expect(resigned.code).toBe(1);
    expect(resigned.out).toContain(`audit chain: BROKEN at link ${cp.seq}`);
    expect(resigned.out).toMatch(/no longer matches the checkpoint signed/);

    // Put back exactly as it was: intact again.
    await rewrite(links.map((l) => `UPDATE audit_chain SET content_hash = '${l.content_hash}', prev_hash = '${l.prev_hash}', chain_hash = '${l.chain_hash}' WHERE seq = ${l.seq}`));
    await tamper(`UPDATE audit_events SET after = '${original.replace(/'/g, "''")}'::jsonb, content_hash = '${links[0].content_hash}' WHERE id = ${victim.event_id}`);
    expect((await script("audit-verify", [])).code).toBe(0);

    // An event deleted outright is named too.
    const [gone] = await db.$queryRaw<{ seq: bigint; event_id: bigint }[]>`SELECT seq, event_id FROM audit_chain ORDER BY seq OFFSET 3 LIMIT 1`;
    const [goneRow] = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM audit_events WHERE id = ${gone.event_id}`;
    await tamper(`DELETE FROM audit_events WHERE id = ${gone.event_id}`);
    const deleted = await script("audit-verify", []);
    expect(deleted.code).toBe(1);
    expect(deleted.out).toContain(`BROKEN at link ${gone.seq} (event ${gone.event_id})`);
    expect(deleted.out).toMatch(/row was deleted/);
    await tamper(`INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, '${JSON.stringify(goneRow, (_k, v) => (typeof v === "bigint" ? v.toString() : v)).replace(/'/g, "''")}')`);
    expect((await script("audit-verify", [])).code).toBe(0);
  });

  it("an evidence export verifies offline with the public key, and fails after one byte is changed", async () => {
    const { user } = await makeUser(db, "admin");
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const { agent, key: apiKey } = await makeAgent(db);
    const type = `audit_${uniq("x").slice(2).replace(/-/g, "_")}.refund`;
    await db.actionType.create({ data: { key: type, level: 2 } });
    const from = new Date(Date.now() - 1000);
    const res = await fetch(`${a.url}/api/v1/actions`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ type, payload: { orderId: "A-1", amountUsd: 20 } }),
    });
    const action = (await res.json()) as { id: string };
    await decideAction(db, reviewer, action.id, { decision: "approve", payload: { orderId: "A-1", amountUsd: 15 } });
    await settled();

    const session = await signInOverHttp(b.url, user.email, "correct horse battery staple");
    const download = async (query: string) => {
      const r = await session(`/api/console/audit/export?${query}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-disposition")).toMatch(/attachment; filename="warden-audit-.*\.jsonl"/);
      return Buffer.from(await r.arrayBuffer());
    };
    const verifyPack = (bytes: Buffer, name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return script("audit-verify-pack", [file, "--public-key", path.join(dir, "public.pem")], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", WARDEN_AUDIT_SIGNING_KEY: "" });
    };

    // Everything since just before this test, and only this agent's events.
    const all = await download(`from=${encodeURIComponent(from.toISOString())}`);
    const ok = await verifyPack(all, "all.jsonl");
    expect(ok.out).toMatch(/evidence export: VERIFIED/);
    expect(ok.code).toBe(0);
    const mine = await download(`from=${encodeURIComponent(from.toISOString())}&agent=${agent.id}`);
    const lines = mine.toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { type: string; event?: { agentId: string; action: string; payloadDigest: string | null } });
    const events = lines.filter((l) => l.type === "event").map((l) => l.event!);
    expect(events.map((e) => e.action)).toEqual(["api_key.created", "action.requested", "action.approved"]);
    expect(events.every((e) => e.agentId === agent.id)).toBe(true);
    expect(lines.at(-1)).toMatchObject({ type: "manifest", counts: { events: 3 }, keyId: key.keyId });
    expect((await verifyPack(mine, "mine.jsonl")).code).toBe(0);

    // One byte changed in an event line (a digit of the approved amount's digest), then in the manifest.
    const text = mine.toString("latin1");
    const inEvent = text.indexOf('"payloadDigest":"', text.indexOf('"action":"action.approved"')) + 17;
    const flipped = Buffer.from(mine);
    flipped[inEvent] = flipped[inEvent] === 0x30 ? 0x31 : 0x30;
    const bad = await verifyPack(flipped, "flipped.jsonl");
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/evidence export: NOT VERIFIED — line \d+: /);

    const inManifest = text.lastIndexOf('"events":3') + 9;
    const counted = Buffer.from(mine);
    counted[inManifest] = 0x34; // "events":4
    const badManifest = await verifyPack(counted, "manifest.jsonl");
    expect(badManifest.code).toBe(1);
    expect(badManifest.out).toMatch(/signature does not verify/);
  });

  it("retention prunes through a signed checkpoint, which becomes the chain's verified start", async () => {
    const before = await settled();
    const later = new Date(Date.now() + 10 * 86_400_000);
    const { events, throughSeq } = await pruneAuditEvents(db, 1, later);
    expect(events).toBeGreaterThan(0);
    expect(await db.auditCheckpoint.findUnique({ where: { seq: BigInt(throughSeq!) } })).not.toBeNull();
    // Links 1..throughSeq are gone with their events; the pruning itself is an event of the chain.
    expect(events).toBe(throughSeq);
    expect(await db.auditChainLink.count({ where: { seq: { lte: BigInt(throughSeq!) } } })).toBe(0);
    const pruned = await db.auditEvent.count({ where: { action: "audit.pruned" } });
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect((await settled()).events).toBe(before.events - events + pruned);
    const [first] = await db.$queryRaw<{ seq: bigint; prev_hash: string }[]>`SELECT seq, prev_hash FROM audit_chain ORDER BY seq LIMIT 1`;
    const start = await db.auditCheckpoint.findUniqueOrThrow({ where: { seq: first.seq - 1n } });
    expect(first.prev_hash).toBe(start.chainHash);

    const verified = await verifyAuditLog(db, { keys: [key], retentionDays: 1, now: later });
    expect(verified).toMatchObject({ ok: true, firstSeq: Number(first.seq) });
    // Without retention configured, a chain that does not begin at link 1 lost its beginning.
    expect(await verifyAuditLog(db, { keys: [key], retentionDays: null, now: later })).toMatchObject({ ok: false, break: { kind: "start", reason: expect.stringMatching(/retention is off/) } });
  }, 120_000);
});
