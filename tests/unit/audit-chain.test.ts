import { describe, expect, it } from "vitest";
import { GENESIS_HASH, linkHash } from "../../lib/audit/chain";
import { signCheckpoint, type Checkpoint } from "../../lib/audit/checkpoint";
import { auditContent, contentHash, type AuditContent } from "../../lib/audit/content";
import { generateSigningKeyPem, signingKeyFromPem } from "../../lib/audit/signing-key";
import { ChainVerifier, chainStart, type ChainEntry } from "../../lib/audit/verify-chain";

// The chain's verifier on chains built in memory, each then tampered with the way someone with
// write access to the database could: the first break must name the right link and the reason.

const key = signingKeyFromPem(generateSigningKeyPem());
const otherKey = signingKeyFromPem(generateSigningKeyPem());

function event(i: number): AuditContent {
  return auditContent({
    actorType: i % 2 ? "user" : "agent",
    actorId: `actor-${i}`,
    action: i % 2 ? "action.approved" : "action.requested",
    targetType: "action",
    targetId: `action-${Math.ceil(i / 2)}`,
    agentId: null,
    actionTypeId: null,
    policyVersion: 3,
    payloadDigest: "ab".repeat(32),
    before: null,
    after: { n: i, reason: `because ${i}` },
    createdAt: new Date(Date.UTC(2026, 11, 1, 10, 0, i)),
  });
}

/** A chain of n links over fresh events (from link `from`, after `prev`). */
function build(n: number, from = 1, prev = GENESIS_HASH): ChainEntry[] {
  const out: ChainEntry[] = [];
  for (let seq = from; seq < from + n; seq++) {
    const e = event(seq);
    const content = contentHash(e);
    const chain = linkHash(seq, prev, content);
    out.push({ seq, eventId: String(100 + seq), contentHash: content, prevHash: prev, chainHash: chain, event: e, storedContentHash: content });
    prev = chain;
  }
  return out;
}

/** Re-links entries from scratch, as someone rewriting history after an edit would. */
function relink(entries: ChainEntry[], prev = GENESIS_HASH): ChainEntry[] {
  return entries.map((e, i) => {
    const seq = i + 1;
    const content = contentHash(e.event as AuditContent);
    const chain = linkHash(seq, prev, content);
    const out = { ...e, seq, contentHash: content, storedContentHash: content, prevHash: prev, chainHash: chain };
    prev = chain;
    return out;
  });
}

function verify(entries: ChainEntry[], checkpoints: Checkpoint[] = [], keys = [key]) {
  const v = new ChainVerifier(undefined, new Map(checkpoints.map((c) => [c.seq, c])), keys);
  for (const e of entries) {
    const b = v.push(e);
    if (b) return b;
  }
  return v.finish();
}

const at = "2026-12-01T11:00:00.000Z";

describe("audit chain verification", () => {
  it("accepts an intact chain and its checkpoints", () => {
    const chain = build(10);
    const cps = [signCheckpoint(key, { seq: 5, chainHash: chain[4].chainHash, at }), signCheckpoint(key, { seq: 10, chainHash: chain[9].chainHash, at })];
    expect(verify(chain, cps)).toBeNull();
  });

  it("catches an edited event at its own link", () => {
    const chain = build(10);
    const edited = chain.map((e) => (e.seq === 4 ? { ...e, event: { ...(e.event as AuditContent), after: { n: 4, reason: "because I said so" } } } : e));
    expect(verify(edited)).toMatchObject({ seq: 4, eventId: "104", kind: "content", action: "action.requested", reason: expect.stringMatching(/changed after it was written/) });
    // A changed receipt (the payload digest) is an edit like any other.
    const receipt = chain.map((e) => (e.seq === 7 ? { ...e, event: { ...(e.event as AuditContent), payloadDigest: "cd".repeat(32) } } : e));
    expect(verify(receipt)).toMatchObject({ seq: 7, kind: "content" });
  });

  it("catches an edit whose writer's hash was rewritten too, by the chained hash", () => {
    const chain = build(6);
    const tampered = chain.map((e) => {
      if (e.seq !== 3) return e;
      const changed = { ...(e.event as AuditContent), actor: { type: "user", id: "someone-else" } };
      return { ...e, event: changed, storedContentHash: contentHash(changed) };
    });
    expect(verify(tampered)).toMatchObject({ seq: 3, kind: "content", reason: expect.stringMatching(/hash chained for it/) });
  });

  it("catches a deleted event: its link missing, its row missing, or the chain renumbered over the gap", () => {
    const chain = build(10);
    expect(verify(chain.filter((e) => e.seq !== 6))).toMatchObject({ seq: 6, kind: "missing", reason: expect.stringMatching(/link 6 is missing/) });
    expect(verify(chain.map((e) => (e.seq === 6 ? { ...e, event: null } : e)))).toMatchObject({ seq: 6, eventId: "106", kind: "missing", reason: expect.stringMatching(/row was deleted/) });
    const renumbered = chain.filter((e) => e.seq !== 6).map((e) => (e.seq > 6 ? { ...e, seq: e.seq - 1 } : e));
    expect(verify(renumbered)).toMatchObject({ seq: 6, kind: "link", reason: expect.stringMatching(/not the hash of link 5/) });
  });

  it("catches reordered events: swapped rows, swapped links, links out of order", () => {
    const chain = build(10);
    const swappedEvents = chain.map((e) => (e.seq === 3 ? { ...e, event: chain[3].event, storedContentHash: chain[3].contentHash } : e.seq === 4 ? { ...e, event: chain[2].event, storedContentHash: chain[2].contentHash } : e));
    expect(verify(swappedEvents)).toMatchObject({ seq: 3, kind: "content" });
    const swappedLinks = chain.map((e) => (e.seq === 3 ? { ...chain[3], seq: 3 } : e.seq === 4 ? { ...chain[2], seq: 4 } : e));
    expect(verify(swappedLinks)).toMatchObject({ seq: 3, kind: "link" });
    const outOfOrder = [...chain.slice(0, 2), chain[3], chain[2], ...chain.slice(4)];
    expect(verify(outOfOrder)).toMatchObject({ seq: 3, kind: "missing" });
  });

  it("catches a history rewritten with recomputed hashes at the next signed checkpoint", () => {
    const chain = build(10);
    const cp = signCheckpoint(key, { seq: 8, chainHash: chain[7].chainHash, at });
    const rewritten = relink(chain.map((e) => (e.seq === 5 ? { ...e, event: { ...(e.event as AuditContent), after: { n: 5, reason: "rewritten" } } } : e)));
    expect(verify(rewritten, [cp])).toMatchObject({ seq: 8, kind: "checkpoint", reason: expect.stringMatching(/no longer matches the checkpoint/) });
    // A checkpoint the attacker signed with a key of their own is not trusted.
    const forged = signCheckpoint(otherKey, { seq: 8, chainHash: rewritten[7].chainHash, at });
    expect(verify(rewritten, [forged])).toMatchObject({ seq: 8, kind: "checkpoint", reason: expect.stringMatching(/not a trusted key/) });
    const badSignature = { ...cp, chainHash: rewritten[7].chainHash };
    expect(verify(rewritten, [badSignature])).toMatchObject({ seq: 8, kind: "checkpoint", reason: expect.stringMatching(/signature does not verify/) });
  });

  it("catches links deleted at the end when a checkpoint signed past them", () => {
    const chain = build(10);
    const cp = signCheckpoint(key, { seq: 9, chainHash: chain[8].chainHash, at });
    expect(verify(chain.slice(0, 7), [cp])).toMatchObject({ seq: 8, kind: "missing", reason: expect.stringMatching(/links after 7 were deleted/) });
  });

  it("starts a pruned chain only after a valid checkpoint older than the retention period", () => {
    const chain = build(10);
    const old = signCheckpoint(key, { seq: 4, chainHash: chain[3].chainHash, at: "2026-01-01T00:00:00.000Z" });
    const cps = new Map([[4, old]]);
    const now = new Date("2026-12-01T12:00:00Z");
    const start = chainStart(5, cps, [key], { days: 90, now });
    expect(start).toEqual({ start: { seq: 4, hash: chain[3].chainHash } });
    const v = new ChainVerifier((start as { start: { seq: number; hash: string } }).start, cps, [key]);
    for (const e of chain.slice(4)) expect(v.push(e)).toBeNull();

    expect(chainStart(6, cps, [key], { days: 90, now })).toMatchObject({ problem: { kind: "start", reason: expect.stringMatching(/no signed checkpoint at link 5/) } });
    expect(chainStart(5, cps, [key], { days: null, now })).toMatchObject({ problem: { reason: expect.stringMatching(/retention is off/) } });
    expect(chainStart(5, cps, [key], { days: 400, now })).toMatchObject({ problem: { reason: expect.stringMatching(/within the 400-day retention/) } });
    expect(chainStart(5, cps, [otherKey], { days: 90, now })).toMatchObject({ problem: { reason: expect.stringMatching(/not a trusted key/) } });
  });
});
