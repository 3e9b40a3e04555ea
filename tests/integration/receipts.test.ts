import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decideAction, processOverdueActions, recordDraftOutcome } from "../../lib/actions";
import { listActionTypeVersions, updateActionType } from "../../lib/action-types";
import { promoteActionType } from "../../lib/autonomy";
import { grantRunBudget } from "../../lib/budgets";
import { setKillSwitch } from "../../lib/switches";
import { payloadDigest } from "../../lib/sdk/canonical-json";
import { createClient } from "../../lib/sdk";
import { startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// Decision receipts: every decision's audit event names who decided, the action type's version it
// was made under and the digest of the payload it applied to; the agent's result carries the
// digest of what it executed (computed by the SDK), and a mismatch is flagged and raises an incident.

const db = useTestDb();
let app: AppServer;

beforeAll(async () => {
  app = await startApp({ databaseUrl: inject("databaseUrl") });
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const typeKey = (verb: string) => `rcpt_${uniq("t").slice(2).replace(/-/g, "_")}.${verb}`;
const client = (apiKey: string) => createClient({ baseUrl: app.url, apiKey, retry: { maxAttempts: 2, baseDelayMs: 50 }, onError: () => {} });
const events = (targetId: string) => db.auditEvent.findMany({ where: { targetId }, orderBy: { id: "asc" } });

/** An action waiting for approval, requested through the SDK. */
async function pendingRefund(proposal: Record<string, unknown>) {
  const { agent, key } = await makeAgent(db);
  const type = await db.actionType.create({ data: { key: typeKey("refund"), level: 2 } });
  const warden = client(key);
  const asked = await warden.authorize({ type: type.key, payload: proposal as never });
  expect(asked.decision).toBe("wait");
  return { agent, type, warden, id: asked.id! };
}

describe("decision receipts", () => {
  it("a result whose digest differs from the approved payload is flagged and raises an incident", async () => {
    const proposal = { orderId: "A-7", amountUsd: 80 };
    const edited = { orderId: "A-7", amountUsd: 40 };
    const { agent, type, warden, id } = await pendingRefund(proposal);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    await decideAction(db, reviewer, id, { decision: "approve", payload: edited });
    const d = await warden.waitForDecision(id);
    expect(d).toMatchObject({ executable: true, payload: edited });

    // The agent ran its own proposal instead of the reviewer's edit, and says so.
    await warden.reportResult(id, { status: "succeeded", output: { refunded: 80 }, executedPayload: proposal });

    const action = await db.action.findUniqueOrThrow({ where: { id } });
    expect(action).toMatchObject({ status: "executed", digestMismatch: true, executedDigest: payloadDigest(proposal), executedPayload: null });
    const incidents = await db.incident.findMany({ where: { agentId: agent.id, kind: "payload_digest_mismatch" } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      severity: "critical",
      status: "open",
      details: { actionId: id, approvedDigest: payloadDigest(edited), executedDigest: payloadDigest(proposal) },
    });
    expect(incidents[0].title).toContain(type.key);

    // The receipt chain from request to result.
    const trail = await events(id);
    expect(trail.map((e) => [e.action, e.actorType, e.actorId, e.policyVersion, e.payloadDigest])).toEqual([
      ["action.requested", "agent", agent.id, type.version, payloadDigest(proposal)],
      ["action.approved", "user", reviewer.id, type.version, payloadDigest(edited)],
      ["action.result_reported", "agent", agent.id, type.version, payloadDigest(proposal)],
    ]);
    expect(trail[2].after).toMatchObject({ digestMismatch: true, approvedDigest: payloadDigest(edited), executedDigest: payloadDigest(proposal) });
    expect(trail.every((e) => e.contentHash && e.agentId === agent.id && e.actionTypeId === type.id)).toBe(true);
  });

  it("a result matching the approved payload (the SDK's own digest of what it handed out) raises nothing", async () => {
    const proposal = { orderId: "B-1", amountUsd: 12.5, note: "ünïcödé" };
    const { agent, warden, id } = await pendingRefund(proposal);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    await decideAction(db, reviewer, id, { decision: "approve" });
    expect((await warden.waitForDecision(id)).executable).toBe(true);
    await warden.reportResult(id, { status: "succeeded" });

    const action = await db.action.findUniqueOrThrow({ where: { id } });
    expect(action).toMatchObject({ digestMismatch: false, executedDigest: payloadDigest(proposal), executedPayload: proposal });
    expect(await db.incident.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("rejections, draft outcomes and timeouts carry the payload they applied to and the type's version", async () => {
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const { actor: manager } = await makeUser(db, "manager");

    const rejected = await pendingRefund({ orderId: "C-1", amountUsd: 5 });
    await decideAction(db, reviewer, rejected.id, { decision: "reject", reason: "duplicate" });
    expect((await events(rejected.id)).at(-1)).toMatchObject({ action: "action.rejected", actorId: reviewer.id, policyVersion: rejected.type.version, payloadDigest: payloadDigest({ orderId: "C-1", amountUsd: 5 }) });

    // A draft recorded with changes applies to what was executed.
    const { key } = await makeAgent(db);
    const draftType = typeKey("reply");
    const drafted = await client(key).authorize({ type: draftType, payload: { text: "hi" } });
    await recordDraftOutcome(db, reviewer, drafted.id!, { outcome: "with_changes", payload: { text: "hello" } });
    const draftVersion = (await db.actionType.findUniqueOrThrow({ where: { key: draftType } })).version;
    expect((await events(drafted.id!)).at(-1)).toMatchObject({ action: "draft.executed_with_changes", policyVersion: draftVersion, payloadDigest: payloadDigest({ text: "hello" }) });

    // A policy edit between request and timeout: the timeout records the version at that moment.
    const overdue = await pendingRefund({ orderId: "D-1", amountUsd: 9 });
    const edit = await updateActionType(db, manager, overdue.type.key, { version: overdue.type.version, minConfidence: 0.5 });
    await db.action.update({ where: { id: overdue.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    await processOverdueActions(db);
    expect((await events(overdue.id)).map((e) => [e.action, e.actorType, e.policyVersion])).toEqual([
      ["action.requested", "agent", overdue.type.version],
      ["action.expired", "system", edit.version],
    ]);
    expect((await events(overdue.id)).at(-1)!.payloadDigest).toBe(payloadDigest({ orderId: "D-1", amountUsd: 9 }));
  });

  it("policy edits and level changes record the version they were made under; the type keeps every version with its diff", async () => {
    const { actor: manager } = await makeUser(db, "manager");
    const type = await db.actionType.create({ data: { key: typeKey("send"), level: 3 } });
    const edited = await updateActionType(db, manager, type.key, { version: type.version, blocked: true, riskLabel: "high" });
    await promoteActionType(db, manager, type.key, { reason: "pilot with one team", override: true, expectedLevel: 3 });

    const trail = await events(type.id);
    const versions = await db.actionTypeVersion.findMany({ where: { actionTypeId: type.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([type.version, edited.version, edited.version + 1]);
    expect(trail.map((e) => [e.action, e.actorId, e.policyVersion, e.payloadDigest, (e.after as { version: number }).version])).toEqual([
      ["action_type.updated", manager.id, versions[0].version, payloadDigest(versions[0].settings), versions[1].version],
      ["autonomy.promoted", manager.id, versions[1].version, payloadDigest(versions[1].settings), versions[2].version],
    ]);

    const history = await listActionTypeVersions(db, manager, type.key);
    expect(history.map((h) => [h.version, h.change, h.by])).toEqual([
      [versions[2].version, "autonomy.promoted", manager.email],
      [versions[1].version, "action_type.updated", manager.email],
      [versions[0].version, null, null],
    ]);
    expect(history[0].changes).toEqual([{ path: "level", before: 3, after: 2 }]);
    expect(history[1].changes).toEqual([
      { path: "blocked", before: false, after: true },
      { path: "risk_label", before: null, after: "high" },
    ]);
    expect(history[0].reason).toBe("pilot with one team");
    expect(history[1].digest).toBe(payloadDigest(versions[1].settings));
  });

  it("kill-switch flips, the actions they halt, breaker trips and budget grants carry receipts", async () => {
    const { actor: manager } = await makeUser(db, "manager");

    // A type's switch is part of its policy: the version it was flipped under, that version's settings.
    const waiting = await pendingRefund({ orderId: "K-1", amountUsd: 3 });
    await setKillSwitch(db, manager, { kind: "action_type", key: waiting.type.key }, { on: true, reason: "refund fraud wave" });
    const versions = await db.actionTypeVersion.findMany({ where: { actionTypeId: waiting.type.id }, orderBy: { version: "asc" } });
    const flip = await db.auditEvent.findFirstOrThrow({ where: { targetId: waiting.type.id, action: "kill_switch.on" } });
    expect(flip).toMatchObject({ actorId: manager.id, policyVersion: versions[0].version, payloadDigest: payloadDigest(versions[0].settings), actionTypeId: waiting.type.id });
    expect((flip.after as { version: number }).version).toBe(versions[1].version);
    // The action it halted: who halted it, under the version with the switch on, on its proposal.
    expect((await events(waiting.id)).at(-1)).toMatchObject({
      action: "action.halted",
      actorType: "user",
      actorId: manager.id,
      policyVersion: versions[1].version,
      payloadDigest: payloadDigest({ orderId: "K-1", amountUsd: 3 }),
    });

    // An agent's switch applies to the switch itself.
    const { agent } = await makeAgent(db);
    await setKillSwitch(db, manager, { kind: "agent", agentId: agent.id }, { on: true, reason: "looping" });
    expect(await db.auditEvent.findFirstOrThrow({ where: { targetId: agent.id, action: "kill_switch.on" } })).toMatchObject({
      agentId: agent.id,
      policyVersion: null,
      payloadDigest: payloadDigest({ scope: "agent", target: agent.id, on: true, reason: "looping" }),
    });

    // A run stopped by its budget, then granted more by a manager.
    const { agent: spender, key } = await makeAgent(db);
    await db.agent.update({ where: { id: spender.id }, data: { runCostBudgetMicros: 10_000n } });
    const warden = client(key);
    const run = await warden.startRun({});
    warden.recordSpans(run.id, { kind: "llm", name: "expensive", startTime: new Date().toISOString(), costUsd: 0.02 });
    await warden.flush();
    const halted = await db.auditEvent.findFirstOrThrow({ where: { targetId: run.id, action: "run.halted" } });
    expect(halted).toMatchObject({ actorType: "system", agentId: spender.id, policyVersion: null, payloadDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const grant = await grantRunBudget(db, manager, run.id, { costBudgetUsd: 1, reason: "worth finishing" });
    expect(await db.auditEvent.findFirstOrThrow({ where: { targetId: run.id, action: "run.budget_granted" } })).toMatchObject({
      actorId: manager.id,
      agentId: spender.id,
      payloadDigest: payloadDigest({ runId: run.id, budgets: grant.run.budgets }),
    });
    await warden.shutdown();
  });
});
