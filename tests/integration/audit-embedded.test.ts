import { describe, expect, it } from "vitest";
import { requestAction } from "../../lib/actions";
import { chainAuditEvents, checkpointAuditChain, generateSigningKeyPem, recordAuditEvent, signingKeyFromPem, verifyAuditLog } from "../../lib/audit";
import { useEmbeddedDb } from "../helpers/db";
import { makeAgent } from "../helpers/factories";

// The embedded default (PGlite): the hot path's receipt, the chainer's snapshot arithmetic and
// the checkpoints work there too.

const db = useEmbeddedDb("audit");
const key = signingKeyFromPem(generateSigningKeyPem());

describe("the audit chain on the embedded database", () => {
  it("links, signs and verifies", async () => {
    const { agent, keyId } = await makeAgent(db());
    for (let i = 0; i < 5; i++) await requestAction(db(), { agentId: agent.id, agentName: agent.name, keyId }, { type: "embedded.audit", payload: { i } });
    await db().$transaction((tx) => recordAuditEvent(tx, { actor: { type: "system" }, action: "test.embedded", targetType: "test" }));
    expect(await chainAuditEvents(db())).toBe(await db().auditEvent.count());
    expect(await checkpointAuditChain(db(), key, { force: true })).toMatchObject({ seq: await db().auditEvent.count() });
    expect(await verifyAuditLog(db(), { keys: [key], retentionDays: null })).toMatchObject({ ok: true, pending: 0, checkpoints: { verified: 1 } });
  });
});
