import { describe, expect, inject, it } from "vitest";
import { decideAction, processOverdueActions, recordDraftOutcome, requestAction } from "../../lib/actions";
import { authenticateAgent } from "../../lib/agents";
import { updateActionType } from "../../lib/action-types";
import { createDb } from "../../lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "../../lib/errors";
import { claimAction, getActionDetail, listQueue, releaseClaim } from "../../lib/review";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

const db = useTestDb();
const typeKey = () => `q.${uniq("t").replace(/-/g, "_")}`;

async function setup(level = 2, extra: Record<string, unknown> = {}) {
  const { key } = await makeAgent(db);
  const agent = await authenticateAgent(db, `Bearer ${key}`);
  const type = typeKey();
  await db.actionType.create({ data: { key: type, level, ...extra } });
  const ask = (payload: Record<string, unknown> = {}) => requestAction(db, agent, { type, payload, confidence: 0.7 });
  return { agent, type, ask };
}

describe("decisions are exactly-once", () => {
  it("ten reviewers deciding at once: one wins, nine get 409 naming the winner", async () => {
    const { ask } = await setup();
    const action = await ask({ amount: 10 });
    const reviewers = await Promise.all(Array.from({ length: 10 }, () => makeUser(db, "reviewer")));
    const results = await Promise.allSettled(
      reviewers.map((r, i) => decideAction(db, r.actor, action.id, i % 2 ? { decision: "approve" } : { decision: "reject", reason: `no ${i}` })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(ConflictError);
      expect(l.reason.message).toMatch(/already (approved|rejected) by reviewer-/);
    }
    expect(await db.review.count({ where: { targetId: action.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: action.id, action: { in: ["action.approved", "action.rejected"] } } })).toBe(1);
  });

  it("a viewer reads the queue and the action but cannot claim or decide (403); nothing changes", async () => {
    const { ask, type } = await setup();
    const action = await ask();
    const { actor } = await makeUser(db, "viewer");
    const page = await listQueue(db, actor, { kind: "approval", type });
    expect(page.items.map((i) => i.id)).toEqual([action.id]);
    expect((await getActionDetail(db, actor, action.id)).claim).toBeNull();
    await expect(decideAction(db, actor, action.id, { decision: "approve" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordDraftOutcome(db, actor, action.id, { outcome: "as_proposed" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(claimAction(db, actor, action.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(releaseClaim(db, actor, action.id)).rejects.toBeInstanceOf(ForbiddenError);
    const row = await db.action.findUniqueOrThrow({ where: { id: action.id } });
    expect(row).toMatchObject({ status: "pending", version: 1, claimedById: null });
    expect(await db.auditEvent.count({ where: { targetId: action.id, actorId: actor.id } })).toBe(0);
  });

  it("an edit is validated against the type's schema and stored beside the proposal", async () => {
    const { ask, type } = await setup(2, {
      payloadSchema: { type: "object", properties: { amount: { type: "number", maximum: 100 } }, required: ["amount"] },
    });
    const action = await ask({ amount: 80, note: "x" });
    const { actor } = await makeUser(db, "reviewer");
    await expect(decideAction(db, actor, action.id, { decision: "approve", payload: { amount: 500 } })).rejects.toBeInstanceOf(ValidationError);
    await expect(decideAction(db, actor, action.id, { decision: "reject", reason: "  " })).rejects.toThrow();
    const ok = await decideAction(db, actor, action.id, { decision: "approve", payload: { amount: 60, note: "x" } });
    expect(ok).toMatchObject({ type, decision: "execute", payload: { amount: 60, note: "x" }, proposedPayload: { amount: 80, note: "x" } });
    const review = await db.review.findFirstOrThrow({ where: { targetId: action.id } });
    expect(review).toMatchObject({ verdict: "edited", editSize: 1 });
  });
});

describe("claims", () => {
  it("opening an item claims it; another reviewer sees the claim and cannot decide until it lapses", async () => {
    const { ask } = await setup();
    const action = await ask();
    const ann = await makeUser(db, "reviewer");
    const bob = await makeUser(db, "reviewer");
    const t = new Date();
    expect(await claimAction(db, ann.actor, action.id, t)).toMatchObject({ mine: true });
    const seenByBob = await claimAction(db, bob.actor, action.id, new Date(t.getTime() + 1000));
    expect(seenByBob).toMatchObject({ mine: false, claimedBy: ann.user.email });
    await expect(decideAction(db, bob.actor, action.id, { decision: "approve" })).rejects.toThrow(`${ann.user.email} has this item open`);

    // Three minutes later Ann's claim has lapsed on its own; Bob can take it.
    const later = new Date(t.getTime() + 3 * 60_000 + 1000);
    expect(await claimAction(db, bob.actor, action.id, later)).toMatchObject({ mine: true, claimedBy: bob.user.email });
    await expect(decideAction(db, ann.actor, action.id, { decision: "approve" })).rejects.toThrow(/has this item open/);
    await expect(decideAction(db, bob.actor, action.id, { decision: "approve" })).resolves.toMatchObject({ status: "approved" });
    expect(await db.auditEvent.count({ where: { targetId: action.id, action: "action.claimed" } })).toBe(2);
  });
});

describe("the queue", () => {
  it("filters and paginates on the server, oldest first, with a total", async () => {
    const { ask, type, agent } = await setup();
    for (let i = 0; i < 7; i++) await ask({ i });
    const { actor } = await makeUser(db, "reviewer");
    const first = await listQueue(db, actor, { type, limit: "3" });
    expect(first.total).toBe(7);
    expect(first.items.map((x) => x.preview)).toEqual(["i: 0", "i: 1", "i: 2"]);
    const second = await listQueue(db, actor, { type, limit: "3", cursor: first.nextCursor! });
    const third = await listQueue(db, actor, { type, limit: "3", cursor: second.nextCursor! });
    expect([...second.items, ...third.items].map((x) => x.preview)).toEqual(["i: 3", "i: 4", "i: 5", "i: 6"]);
    expect(third.nextCursor).toBeNull();
    const newest = await listQueue(db, actor, { type, sort: "newest", limit: "1" });
    expect(newest.items[0].preview).toBe("i: 6");
    expect((await listQueue(db, actor, { agentId: agent.agentId, kind: "draft" })).total).toBe(0);
    expect((await listQueue(db, actor, { type, olderThan: "1h" })).total).toBe(0);
  });
});

describe("drafts (level 3)", () => {
  it("records 'executed with changes' once and the agent sees the outcome", async () => {
    const { ask } = await setup(3);
    const action = await ask({ body: "Hello" });
    expect(action.decision).toBe("draft");
    const { actor } = await makeUser(db, "reviewer");
    const done = await recordDraftOutcome(db, actor, action.id, { outcome: "with_changes", payload: { body: "Hello there" } });
    expect(done).toMatchObject({ decision: "draft", status: "drafted", outcome: "executed_with_changes", payload: { body: "Hello there" } });
    await expect(recordDraftOutcome(db, actor, action.id, { outcome: "discarded", reason: "x" })).rejects.toBeInstanceOf(ConflictError);
    const row = await db.action.findUniqueOrThrow({ where: { id: action.id } });
    expect(row.executedPayload).toEqual({ body: "Hello there" });
  });

  it("discarding needs a reason; approvals and drafts don't cross", async () => {
    const { ask } = await setup(3);
    const action = await ask();
    const { actor } = await makeUser(db, "reviewer");
    await expect(recordDraftOutcome(db, actor, action.id, { outcome: "discarded" })).rejects.toThrow();
    // Deciding a draft is the wrong route, not a conflict: 422 that says where to go instead.
    const wrongRoute = decideAction(db, actor, action.id, { decision: "approve" });
    await expect(wrongRoute).rejects.toBeInstanceOf(ValidationError);
    await expect(wrongRoute).rejects.toThrow(/draft.*record what was done/i);
    await expect(recordDraftOutcome(db, actor, action.id, { outcome: "discarded", reason: "wrong customer" })).resolves.toMatchObject({ status: "discarded" });

    const { ask: askApproval } = await setup(2);
    const waiting = await askApproval();
    const wrongWay = recordDraftOutcome(db, actor, waiting.id, { outcome: "as_proposed" });
    await expect(wrongWay).rejects.toBeInstanceOf(ValidationError);
    await expect(wrongWay).rejects.toThrow(/waits for approval.*approve or reject/i);
    expect((await db.action.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("pending");
  });
});

describe("approval timeouts", () => {
  it("two instances processing at once handle each overdue action exactly once", async () => {
    const { ask } = await setup(2, { approvalTimeoutSeconds: 60 });
    const { ask: askEscalating } = await setup(2, { approvalTimeoutSeconds: 60, timeoutBehavior: "escalate" });
    const ids = [...(await Promise.all(Array.from({ length: 12 }, () => ask()))), ...(await Promise.all(Array.from({ length: 8 }, () => askEscalating())))].map((a) => a.id);
    await db.action.updateMany({ where: { id: { in: ids } }, data: { dueAt: new Date(Date.now() - 1000) } });

    const instanceA = createDb({ kind: "postgres", url: inject("databaseUrl") }, { poolMax: 2 });
    const instanceB = createDb({ kind: "postgres", url: inject("databaseUrl") }, { poolMax: 2 });
    try {
      const results = await Promise.all(
        [instanceA, instanceB, instanceA, instanceB].map((d) => processOverdueActions(d, new Date(), 5)),
      );
      // Drain whatever the small batches left.
      for (let i = 0; i < 10; i++) await processOverdueActions(instanceA, new Date(), 100);
      const rows = await db.action.findMany({ where: { id: { in: ids } } });
      expect(rows.filter((r) => r.status === "expired")).toHaveLength(12);
      expect(rows.filter((r) => r.status === "pending" && r.escalatedAt)).toHaveLength(8);
      const incidents = await db.incident.findMany({ where: { kind: { in: ["approval_expired", "approval_escalated"] } } });
      const forOurs = incidents.filter((i) => ids.includes((i.details as { actionId: string }).actionId));
      expect(forOurs).toHaveLength(20);
      expect(new Set(forOurs.map((i) => (i.details as { actionId: string }).actionId)).size).toBe(20);
      expect(results.reduce((n, r) => n + r.expired + r.escalated, 0)).toBeLessThanOrEqual(20);
    } finally {
      await Promise.all([instanceA.$disconnect(), instanceB.$disconnect()]);
    }
  });

  it("an escalated action can only be decided by a manager", async () => {
    const { ask } = await setup(2, { timeoutBehavior: "escalate" });
    const action = await ask();
    await db.action.update({ where: { id: action.id }, data: { escalatedAt: new Date() } });
    const reviewer = await makeUser(db, "reviewer");
    const manager = await makeUser(db, "manager");
    await expect(decideAction(db, reviewer.actor, action.id, { decision: "approve" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideAction(db, manager.actor, action.id, { decision: "approve" })).resolves.toMatchObject({ status: "approved" });
  });
});

describe("action types", () => {
  it("a manager edits guardrails with a valid schema; stale versions and bad schemas are refused", async () => {
    const { type } = await setup(3);
    const manager = await makeUser(db, "manager");
    const reviewer = await makeUser(db, "reviewer");
    await expect(updateActionType(db, reviewer.actor, type, { version: 1, blocked: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateActionType(db, manager.actor, type, { version: 1, payloadSchema: { type: "nonsense" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateActionType(db, manager.actor, type, { version: 1, level: 0 })).rejects.toThrow();
    const v2 = await updateActionType(db, manager.actor, type, {
      version: 1,
      blocked: true,
      riskLabel: "high",
      minConfidence: 0.8,
      payloadSchema: { type: "object", required: ["to"] },
    });
    expect(v2).toMatchObject({ version: 2, blocked: true, riskLabel: "high", level: 3 });
    await expect(updateActionType(db, manager.actor, type, { version: 1, blocked: false })).rejects.toBeInstanceOf(ConflictError);
    const v3 = await updateActionType(db, manager.actor, type, { version: 2, payloadSchema: null });
    expect(v3.payloadSchema).toBeNull();
  });
});

describe("level changes between request and decision", () => {
  it("an action keeps the route it got; the type's new level applies to the next request", async () => {
    const { ask, type } = await setup(2);
    const waiting = await ask();
    await db.actionType.update({ where: { key: type }, data: { level: 0 } });
    const next = await ask();
    expect(next.decision).toBe("execute");
    const row = await db.action.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(row).toMatchObject({ status: "pending", route: "approval", levelAtRequest: 2 });
    const { actor } = await makeUser(db, "reviewer");
    await expect(decideAction(db, actor, waiting.id, { decision: "approve" })).resolves.toMatchObject({ decision: "execute" });
  });
});

describe("a queue of 10,000 pending actions", () => {
  it("serves one page and the total from the database, without loading the backlog", async () => {
    const { agent, type } = await setup(2);
    const t = await db.actionType.findUniqueOrThrow({ where: { key: type } });
    await db.$executeRaw`
      INSERT INTO actions (id, agent_id, action_type_id, proposed_payload, level_at_request, route, route_reason, status, created_at, updated_at)
      SELECT gen_random_uuid(), ${agent.agentId}::uuid, ${t.id}::uuid, jsonb_build_object('n', g), 2, 'approval', 'bench', 'pending',
             now() - (g || ' seconds')::interval, now()
      FROM generate_series(1, 10000) g`;
    const { actor } = await makeUser(db, "reviewer");
    const started = performance.now();
    const page = await listQueue(db, actor, { type, limit: "50" });
    const ms = performance.now() - started;
    expect(page.total).toBe(10_000);
    expect(page.items).toHaveLength(50);
    expect(page.items[0].preview).toBe("n: 10000"); // oldest first
    console.log(`queue page of 50 with 10,000 pending: ${ms.toFixed(1)} ms`);
  });
});
