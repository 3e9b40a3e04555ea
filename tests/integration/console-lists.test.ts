import { describe, expect, it } from "vitest";
import { decideAction, decideActions, listActions, requestAction } from "../../lib/actions";
import { authenticateAgent, getAgentActivity } from "../../lib/agents";
import { ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors";
import { claimAction, getActionDetail, listQueue } from "../../lib/review";
import { finishRun, startRun } from "../../lib/runs";
import { recordScore } from "../../lib/scores";
import { searchConsole } from "../../lib/search";
import { listReviewers } from "../../lib/users";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// The console's lists and searches (the Actions page, the queue's text search, ⌘K, the agent
// page's activity) and bulk decisions, against real Postgres. Each test names its own types,
// subjects and agents, so the shared database's other rows never match.

const db = useTestDb();
const typeKey = (label = "t") => `cl.${uniq(label).replace(/-/g, "_")}`;

async function agentWithType(level = 2, extra: Record<string, unknown> = {}) {
  const { agent: row, key } = await makeAgent(db);
  const agent = await authenticateAgent(db, `Bearer ${key}`);
  const type = typeKey();
  await db.actionType.create({ data: { key: type, level, ...extra } });
  return { row, agent, type };
}

describe("the Actions list", () => {
  it("filters by status, decision, level, type, agent, reviewer and time, newest first, in keyset pages", async () => {
    const { row, agent, type } = await agentWithType(2);
    const other = await agentWithType(3);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const { actor: viewer } = await makeUser(db, "viewer");
    const a1 = await requestAction(db, agent, { type, payload: { n: 1 } });
    const a2 = await requestAction(db, agent, { type, payload: { n: 2 } });
    const a3 = await requestAction(db, agent, { type, payload: { n: 3 } });
    const d1 = await requestAction(db, other.agent, { type: other.type, payload: { n: 4 } });
    await decideAction(db, reviewer, a1.id, { decision: "approve" });
    await decideAction(db, reviewer, a2.id, { decision: "reject", reason: "no" });

    const ids = async (q: Record<string, unknown>) => (await listActions(db, viewer, q)).items.map((i) => i.id);
    expect(await ids({ type })).toEqual([a3.id, a2.id, a1.id]);
    expect(await ids({ type, status: "rejected" })).toEqual([a2.id]);
    expect(await ids({ type, status: "pending" })).toEqual([a3.id]);
    expect(await ids({ agentId: row.id })).toEqual([a3.id, a2.id, a1.id]);
    expect(await ids({ reviewerId: reviewer.id })).toEqual([a2.id, a1.id]);
    expect(await ids({ agentId: other.row.id, decision: "draft", level: "3" })).toEqual([d1.id]);
    expect(await ids({ agentId: other.row.id, decision: "approval" })).toEqual([]);
    expect(await ids({ type, since: "1h" })).toHaveLength(3);
    await db.action.update({ where: { id: a1.id }, data: { createdAt: new Date(Date.now() - 2 * 86400_000) } });
    expect(await ids({ type, since: "24h" })).toEqual([a3.id, a2.id]);

    const first = await listActions(db, viewer, { type, limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([a3.id, a2.id]);
    expect(first.total).toBe(3);
    expect(first.items[1]).toMatchObject({ status: "rejected", route: "approval", level: 2, decidedBy: reviewer.email, agentName: row.name });
    const second = await listActions(db, viewer, { type, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual([a1.id]);
    expect(second.nextCursor).toBeNull();
  });

  it("finds an action by its id, its run's id, its subject or its run's external id", async () => {
    const { agent, type } = await agentWithType(2);
    const { actor } = await makeUser(db, "viewer");
    const externalId = uniq("ticket");
    const run = await startRun(db, agent, { externalId });
    const subject = uniq("customer");
    const inRun = await requestAction(db, agent, { type, runId: run.id, payload: {} });
    const bySubject = await requestAction(db, agent, { type, subject, payload: {} });

    const found = async (q: string) => (await listActions(db, actor, { q })).items.map((i) => i.id);
    expect(await found(inRun.id)).toEqual([inRun.id]);
    expect(await found(inRun.id.toUpperCase())).toEqual([inRun.id]);
    expect(await found(run.id)).toEqual([inRun.id]);
    expect(await found(externalId)).toEqual([inRun.id]);
    expect(await found(subject)).toEqual([bySubject.id]);
    expect(await found(uniq("nothing"))).toEqual([]);
  });

  it("refuses unknown filters and bad cursors rather than ignoring them", async () => {
    const { actor } = await makeUser(db, "viewer");
    await expect(listActions(db, actor, { colour: "red" })).rejects.toThrow();
    await expect(listActions(db, actor, { cursor: "bm90IGEgY3Vyc29y" })).rejects.toThrow(/Invalid cursor/);
  });

  it("lists people who decide as filter choices, including one whose role was lowered since", async () => {
    const { agent, type } = await agentWithType(2);
    const { actor: viewer } = await makeUser(db, "viewer");
    const { actor: former, user } = await makeUser(db, "reviewer");
    const a = await requestAction(db, agent, { type, payload: {} });
    await decideAction(db, former, a.id, { decision: "approve" });
    await db.user.update({ where: { id: user.id }, data: { role: "viewer" } });
    const people = await listReviewers(db, viewer);
    expect(people).toContainEqual({ id: former.id, label: former.email });
    expect(people.map((p) => p.id)).not.toContain(viewer.id);
  });
});

describe("the queue's rows and text search", () => {
  it("carry the rationale and subject, and match text in them, the type or the agent, ignoring case", async () => {
    const { row, agent, type } = await agentWithType(2);
    const { actor } = await makeUser(db, "viewer");
    const word = uniq("Parcel");
    const hit = await requestAction(db, agent, { type, subject: "order-77", rationale: `The ${word} never arrived; refund it.`, payload: { amount: 12 } });
    const miss = await requestAction(db, agent, { type, rationale: "Something else entirely.", payload: { amount: 13 } });

    const page = await listQueue(db, actor, { kind: "approval", type });
    expect(page.items.find((i) => i.id === hit.id)).toMatchObject({ rationale: `The ${word} never arrived; refund it.`, subject: "order-77", preview: "amount: 12" });
    const search = async (q: string) => (await listQueue(db, actor, { kind: "approval", type, q })).items.map((i) => i.id);
    expect(await search(word.toLowerCase())).toEqual([hit.id]);
    expect(await search("ORDER-77")).toEqual([hit.id]);
    expect(await search(type.toUpperCase())).toEqual([hit.id, miss.id]);
    expect(await search(row.name)).toEqual([hit.id, miss.id]);
    expect((await listQueue(db, actor, { kind: "approval", type, q: word })).total).toBe(1);
  });
});

describe("console search (⌘K)", () => {
  it("jumps to actions, runs, agents and action types by id or name", async () => {
    const { row, agent, type } = await agentWithType(2);
    const { actor } = await makeUser(db, "viewer");
    const externalId = uniq("ext");
    const run = await startRun(db, agent, { externalId });
    const subject = uniq("subj");
    const action = await requestAction(db, agent, { type, runId: run.id, subject, payload: {} });

    const kinds = async (q: string) => (await searchConsole(db, actor, { q })).hits.map((h) => `${h.kind}:${h.id}`);
    expect(await kinds(action.id)).toEqual([`action:${action.id}`]);
    expect(await kinds(subject)).toEqual([`action:${action.id}`]);
    expect(await kinds(run.id)).toEqual([`run:${run.id}`]);
    expect(await kinds(externalId)).toEqual([`run:${run.id}`]);
    expect(await kinds(row.id)).toEqual([`agent:${row.id}`]);
    expect(await kinds(row.name.slice(2).toUpperCase())).toEqual([`agent:${row.id}`]);
    expect(await kinds(type.slice(3))).toEqual([`actionType:${type}`]);
    await expect(searchConsole(db, actor, { q: "  " })).rejects.toThrow();
  });
});

describe("bulk decisions", () => {
  it("reject several at once in one transaction: each gets its review, audit event and wake-up", async () => {
    const { agent, type } = await agentWithType(2);
    const { actor } = await makeUser(db, "reviewer");
    const asked = await Promise.all([1, 2, 3].map((n) => requestAction(db, agent, { type, payload: { n } })));
    const res = await decideActions(db, actor, { decision: "reject", ids: asked.map((a) => a.id), reason: "duplicates" });
    expect(res.decided.map((d) => d.status)).toEqual(["rejected", "rejected", "rejected"]);
    const rows = await db.action.findMany({ where: { id: { in: asked.map((a) => a.id) } } });
    expect(rows.every((r) => r.status === "rejected" && r.decisionReason === "duplicates" && r.decidedById === actor.id)).toBe(true);
    expect(await db.review.count({ where: { targetId: { in: asked.map((a) => a.id) }, verdict: "rejected" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { targetId: { in: asked.map((a) => a.id) }, action: "action.rejected" } })).toBe(3);
  });

  it("approve only what is approvable on its own: a blocked type, or an item someone else has open, refuses the whole request", async () => {
    const { agent, type } = await agentWithType(2);
    const blocked = await agentWithType(2, { blocked: true });
    const { actor } = await makeUser(db, "reviewer");
    const { actor: other } = await makeUser(db, "reviewer");
    const plain = await requestAction(db, agent, { type, payload: { n: 1 } });
    const held = await requestAction(db, agent, { type, payload: { n: 2 } });
    const destructive = await requestAction(db, blocked.agent, { type: blocked.type, payload: { n: 3 } });
    await claimAction(db, other, held.id);

    const err = await decideActions(db, actor, { decision: "approve", ids: [plain.id, held.id, destructive.id] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toMatch(/2 of the 3 selected cannot be approved together.*Nothing was decided/);
    expect(((err as ConflictError).extra.refused as { id: string; reason: string }[]).map((r) => [r.id, r.reason]).sort()).toEqual(
      [
        [held.id, "another reviewer has it open"],
        [destructive.id, "a blocked (destructive) type is approved one at a time"],
      ].sort(),
    );
    // Nothing was written: the plain item still waits, with no review or audit event.
    expect(await db.action.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({ status: "pending", version: 1 });
    expect(await db.review.count({ where: { targetId: plain.id } })).toBe(0);

    // A rejection may cover the blocked type; the approval of the plain one alone goes through.
    await decideActions(db, actor, { decision: "reject", ids: [destructive.id], reason: "not now" });
    const ok = await decideActions(db, actor, { decision: "approve", ids: [plain.id] });
    expect(ok.decided[0]).toMatchObject({ id: plain.id, status: "approved" });
  });

  it("when one item was decided meanwhile, none of the others is decided", async () => {
    const { agent, type } = await agentWithType(2);
    const { actor } = await makeUser(db, "reviewer");
    const { actor: quicker } = await makeUser(db, "reviewer");
    const a = await requestAction(db, agent, { type, payload: { n: 1 } });
    const b = await requestAction(db, agent, { type, payload: { n: 2 } });
    await decideAction(db, quicker, b.id, { decision: "approve" });
    await expect(decideActions(db, actor, { decision: "reject", ids: [a.id, b.id], reason: "spam" })).rejects.toThrow(/already approved/);
    expect((await db.action.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("pending");
  });

  it("is for reviewers: a viewer gets 403 and unknown ids are 404, writing nothing", async () => {
    const { agent, type } = await agentWithType(2);
    const { actor: viewer } = await makeUser(db, "viewer");
    const { actor } = await makeUser(db, "reviewer");
    const a = await requestAction(db, agent, { type, payload: {} });
    await expect(decideActions(db, viewer, { decision: "approve", ids: [a.id] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideActions(db, actor, { decision: "approve", ids: [a.id, "00000000-0000-4000-8000-000000000000"] })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.action.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("pending");
  });
});

describe("the agent page's activity", () => {
  it("counts last week's runs, failures, spend and actions, and lists the latest", async () => {
    const { row, agent, type } = await agentWithType(2);
    const { actor } = await makeUser(db, "viewer");
    const ok = await startRun(db, agent, {});
    const bad = await startRun(db, agent, {});
    await finishRun(db, agent, bad.id, { status: "failed", error: "tool timed out" });
    await db.run.update({ where: { id: ok.id }, data: { costMicros: 1_500_000n } });
    const old = await startRun(db, agent, {});
    await db.run.update({ where: { id: old.id }, data: { startedAt: new Date(Date.now() - 10 * 86400_000), costMicros: 9_000_000n } });
    const pending = await requestAction(db, agent, { type, subject: "acct-1", payload: {} });

    const act = await getAgentActivity(db, actor, row.id);
    expect(act).toMatchObject({ runs: 2, failedRuns: 1, costMicros: 1_500_000, actions: 1, pendingActions: 1 });
    expect(act.recentRuns.map((r) => r.id)).toEqual([bad.id, ok.id, old.id]);
    expect(act.recentRuns[0]).toMatchObject({ status: "failed", error: "tool timed out" });
    expect(act.recentActions).toEqual([expect.objectContaining({ id: pending.id, type, status: "pending", subject: "acct-1" })]);
    await expect(getAgentActivity(db, actor, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("scores on the action page", () => {
  it("shows the scores sent for the action and for its run, apart from people's reviews", async () => {
    const { agent, type } = await agentWithType(2);
    const { actor } = await makeUser(db, "reviewer");
    const run = await startRun(db, agent, {});
    const a = await requestAction(db, agent, { type, runId: run.id, payload: {} });
    await recordScore(db, agent, { runId: run.id, name: "helpfulness", value: 0.9, source: "judge" });
    await recordScore(db, agent, { actionId: a.id, name: "policy_compliance", value: 1, source: "rule", comment: "no PII" });
    await decideAction(db, actor, a.id, { decision: "approve" });

    const detail = await getActionDetail(db, actor, a.id);
    expect(detail.scores.map((s) => [s.on, s.name, s.value, s.source])).toEqual([
      ["run", "helpfulness", 0.9, "judge"],
      ["action", "policy_compliance", 1, "rule"],
    ]);
    expect(detail.reviews.map((r) => r.verdict)).toEqual(["accepted"]);
  });
});
