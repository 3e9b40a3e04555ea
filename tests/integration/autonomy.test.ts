import { describe, expect, it } from "vitest";
import * as typeRoute from "../../app/api/v1/action-types/[key]/route";
import * as typesRoute from "../../app/api/v1/action-types/route";
import { decideAction, reportActionResult, requestAction } from "../../lib/actions";
import { authenticateAgent } from "../../lib/agents";
import {
  demoteActionType,
  evaluateAutoDemotions,
  getAutonomyBoard,
  getAutonomyHistory,
  loadEvidence,
  promoteActionType,
  rebuildEvidence,
  requestFullAutonomy,
  signOffAutonomyRequest,
} from "../../lib/autonomy";
import { ConflictError, ForbiddenError, ValidationError } from "../../lib/errors";
import { createPersonalToken } from "../../lib/tokens";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

useRouteDb();
const db = useTestDb();
const typeKey = () => `auto.${uniq("t").replace(/-/g, "_")}`;

// Small thresholds so a test can make a type eligible with a handful of reviews.
const SMALL = { draftToApprovalMinReviewed: 5, draftToApprovalMinAcceptance: 0.8, approvalToAuditMinReviewed: 5, approvalToAuditMinAcceptance: 0.8 };

async function setup(level: number, thresholds: object = SMALL) {
  const { key } = await makeAgent(db);
  const agent = await authenticateAgent(db, `Bearer ${key}`);
  const type = typeKey();
  const t = await db.actionType.create({ data: { key: type, level, promotionThresholds: thresholds } });
  return { agent, key, type, typeId: t.id };
}

describe("evidence from real decisions", () => {
  it("counts requests, accepted, edited and rejected reviews, edit size and execution results", async () => {
    const { agent, type, typeId } = await setup(2);
    const { actor } = await makeUser(db, "reviewer");
    const ask = () => requestAction(db, agent, { type, payload: { a: 1, b: 2 } });
    const a1 = await ask();
    const a2 = await ask();
    const a3 = await ask();
    await decideAction(db, actor, a1.id, { decision: "approve" });
    await decideAction(db, actor, a2.id, { decision: "approve", payload: { a: 5, b: 6 } });
    await decideAction(db, actor, a3.id, { decision: "reject", reason: "wrong" });
    await reportActionResult(db, agent, a1.id, { status: "succeeded" });
    await reportActionResult(db, agent, a2.id, { status: "failed", error: "timeout" });
    const e = (await loadEvidence(db, [typeId])).get(typeId)!;
    expect(e).toMatchObject({
      requests: 3,
      reviewed: 3,
      accepted: 1,
      edited: 1,
      rejected: 1,
      editSizeSum: 2,
      meanEditSize: 2,
      executions: 2,
      failedExecutions: 1,
      recentFailures: 1,
    });
    expect(e.acceptanceRate).toBeCloseTo(1 / 3);
    expect(e.last7d.reviewed).toBe(3);

    // The repair tool recomputes exactly what the transactions counted.
    await rebuildEvidence(db, [typeId]);
    expect((await loadEvidence(db, [typeId])).get(typeId)).toEqual(e);
  });
});

describe("promotion", () => {
  it("a manager promotes an eligible type; the very next request gets the new route", async () => {
    const { agent, type } = await setup(3);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const { actor: manager } = await makeUser(db, "manager");
    const { recordDraftOutcome } = await import("../../lib/actions");
    for (let i = 0; i < 5; i++) {
      const a = await requestAction(db, agent, { type, payload: { i } });
      await recordDraftOutcome(db, reviewer, a.id, { outcome: "as_proposed" });
    }
    await expect(promoteActionType(db, reviewer, type, { reason: "looks good" })).rejects.toBeInstanceOf(ForbiddenError);
    const change = await promoteActionType(db, manager, type, { reason: "5 of 5 drafts accepted" });
    expect(change).toMatchObject({ fromLevel: 3, toLevel: 2, status: "applied", override: false, by: manager.email });
    expect((change.evidence as { evidence: { reviewed: number } }).evidence.reviewed).toBe(5);
    expect((await requestAction(db, agent, { type, payload: {} })).decision).toBe("wait");
  });

  it("a type that is not eligible needs an explicit override, which is flagged", async () => {
    const { type } = await setup(3);
    const { actor } = await makeUser(db, "manager");
    await expect(promoteActionType(db, actor, type, { reason: "trust me" })).rejects.toBeInstanceOf(ValidationError);
    // A page showing an older level must not act on the current one.
    await expect(promoteActionType(db, actor, type, { reason: "stale page", override: true, expectedLevel: 2 })).rejects.toBeInstanceOf(ConflictError);
    expect((await db.actionType.findUniqueOrThrow({ where: { key: type } })).level).toBe(3);
    const c = await promoteActionType(db, actor, type, { reason: "pilot with one customer", override: true });
    expect(c).toMatchObject({ toLevel: 2, override: true });
    const history = await getAutonomyHistory(db, actor, type);
    expect(history.changes[0]).toMatchObject({ override: true, reason: "pilot with one customer" });
    expect(history.series).toHaveLength(30);
  });

  it("demotion is immediate, any number of levels, with a reason", async () => {
    const { type, agent } = await setup(0);
    const { actor } = await makeUser(db, "manager");
    await expect(demoteActionType(db, actor, type, { toLevel: 3, reason: "" })).rejects.toThrow();
    await demoteActionType(db, actor, type, { toLevel: 3, reason: "incident #12" });
    expect((await requestAction(db, agent, { type, payload: {} })).decision).toBe("draft");
  });
});

describe("1 → 0: two-person rule", () => {
  it("an admin cannot sign off their own request; a different admin can; a denial needs a reason", async () => {
    const { type } = await setup(1);
    const admin1 = await makeUser(db, "admin");
    const admin2 = await makeUser(db, "admin");
    const manager = await makeUser(db, "manager");
    const req = await requestFullAutonomy(db, admin1.actor, type, { reason: "a year without a failed audit" });
    expect(req).toMatchObject({ status: "pending", fromLevel: 1, toLevel: 0 });
    await expect(requestFullAutonomy(db, manager.actor, type, { reason: "again" })).rejects.toBeInstanceOf(ConflictError);
    await expect(signOffAutonomyRequest(db, admin1.actor, req.id, { approve: true })).rejects.toThrow(/Two-person rule/);
    await expect(signOffAutonomyRequest(db, manager.actor, req.id, { approve: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.actionType.findUniqueOrThrow({ where: { key: type } })).level).toBe(1);
    const done = await signOffAutonomyRequest(db, admin2.actor, req.id, { approve: true, reason: "agreed" });
    expect(done).toMatchObject({ status: "applied", toLevel: 0, by: admin1.user.email, approvedBy: admin2.user.email });
    expect((await db.actionType.findUniqueOrThrow({ where: { key: type } })).level).toBe(0);
    await expect(signOffAutonomyRequest(db, admin2.actor, req.id, { approve: true })).rejects.toBeInstanceOf(ConflictError);

    const other = await setup(1);
    const req2 = await requestFullAutonomy(db, manager.actor, other.type, { reason: "please" });
    await expect(signOffAutonomyRequest(db, admin2.actor, req2.id, { approve: false })).rejects.toThrow();
    const denied = await signOffAutonomyRequest(db, admin2.actor, req2.id, { approve: false, reason: "not before the audit review" });
    expect(denied).toMatchObject({ status: "denied", decisionReason: "not before the audit review" });
    expect((await db.actionType.findUniqueOrThrow({ where: { key: other.type } })).level).toBe(1);
  });
});

describe("blocked types", () => {
  it("are never promoted past level 2: promote 2 → 1 and request 1 → 0 are refused, naming why, and write nothing", async () => {
    const { type } = await setup(2);
    const at1 = await setup(1);
    await db.actionType.updateMany({ where: { key: { in: [type, at1.type] } }, data: { blocked: true } });
    const { actor: manager } = await makeUser(db, "manager");
    const promote = promoteActionType(db, manager, type, { reason: "it earned it", override: true });
    await expect(promote).rejects.toBeInstanceOf(ConflictError);
    await expect(promote).rejects.toThrow(/blocked list.*level 2/);
    const ask = requestFullAutonomy(db, manager, at1.type, { reason: "a clean month" });
    await expect(ask).rejects.toBeInstanceOf(ConflictError);
    await expect(ask).rejects.toThrow(/blocked list/);
    // A blocked draft-level type may still reach level 2: the policy asks a person either way.
    const draft = await setup(3);
    await db.actionType.update({ where: { key: draft.type }, data: { blocked: true } });
    await expect(promoteActionType(db, manager, draft.type, { reason: "pilot", override: true })).resolves.toMatchObject({ toLevel: 2 });

    expect((await db.actionType.findUniqueOrThrow({ where: { key: type } })).level).toBe(2);
    expect(await db.autonomyChange.count({ where: { actionType: { key: { in: [type, at1.type] } } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: manager.id, action: { in: ["autonomy.promoted", "autonomy.requested"] }, targetId: { not: (await db.actionType.findUniqueOrThrow({ where: { key: draft.type } })).id } } })).toBe(0);
  });

  it("a request for level 0 cannot be signed off once the type is blocked; it can still be denied", async () => {
    const { type } = await setup(1);
    const { actor: manager } = await makeUser(db, "manager");
    const { actor: admin } = await makeUser(db, "admin");
    const req = await requestFullAutonomy(db, manager, type, { reason: "a clean quarter" });
    await db.actionType.update({ where: { key: type }, data: { blocked: true } });
    await expect(signOffAutonomyRequest(db, admin, req.id, { approve: true })).rejects.toThrow(/blocked list/);
    expect((await db.actionType.findUniqueOrThrow({ where: { key: type } })).level).toBe(1);
    expect(await db.autonomyChange.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: "pending", approvedById: null });
    await expect(signOffAutonomyRequest(db, admin, req.id, { approve: false, reason: "it is blocked now" })).resolves.toMatchObject({ status: "denied" });
  });

  it("the board shows the level the policy acts at, and no next level past 2", async () => {
    const at1 = await setup(1);
    const at2 = await setup(2);
    await db.actionType.updateMany({ where: { key: { in: [at1.type, at2.type] } }, data: { blocked: true } });
    const { actor } = await makeUser(db, "viewer");
    const board = await getAutonomyBoard(db, actor);
    for (const key of [at1.type, at2.type]) {
      const row = board.find((b) => b.key === key)!;
      expect(row).toMatchObject({ blocked: true, effectiveLevel: 2, eligibility: { nextLevel: null, eligible: false, needsSignOff: false } });
    }
    expect((await requestAction(db, at1.agent, { type: at1.type, payload: {} })).decision).toBe("wait");
  });
});

describe("automatic demotion", () => {
  it("a level-1 type whose executions fail too often drops to level 2, with an incident", async () => {
    const { agent, type } = await setup(1);
    for (let i = 0; i < 20; i++) {
      const a = await requestAction(db, agent, { type, payload: { i } });
      await reportActionResult(db, agent, a.id, i < 4 ? { status: "failed", error: "upstream 500" } : { status: "succeeded" });
    }
    const demoted = await evaluateAutoDemotions(db);
    expect(demoted).toContain(type);
    const t = await db.actionType.findUniqueOrThrow({ where: { key: type } });
    expect(t.level).toBe(2);
    const change = await db.autonomyChange.findFirstOrThrow({ where: { actionTypeId: t.id } });
    expect(change).toMatchObject({ automatic: true, fromLevel: 1, toLevel: 2 });
    expect(change.reason).toMatch(/failed-execution rate 20.0%/);
    expect(await db.incident.count({ where: { kind: "autonomy_auto_demoted", title: { contains: type } } })).toBe(1);
    expect(await evaluateAutoDemotions(db)).not.toContain(type); // level 2 is not judged again
  });
});

describe("board", () => {
  it("shows every type with evidence, eligibility and pending requests", async () => {
    const { type } = await setup(1);
    const { actor } = await makeUser(db, "manager");
    await requestFullAutonomy(db, actor, type, { reason: "ready" });
    const board = await getAutonomyBoard(db, actor);
    const row = board.find((b) => b.key === type)!;
    expect(row).toMatchObject({ level: 1, levelName: "audit", eligibility: { needsSignOff: true } });
    expect(row.pendingRequest).toMatchObject({ status: "pending", toLevel: 0 });
  });
});

describe("policy as code over REST", () => {
  it("agent keys read but can never change a level (403)", async () => {
    const { key, type } = await setup(3);
    expect((await call(typesRoute.GET, { key })).status).toBe(200);
    expect((await call(typeRoute.GET, { key, params: { key: type } })).body).toMatchObject({ key: type, level: 3 });
    const res = await call(typeRoute.PATCH, { method: "PATCH", key, params: { key: type }, body: { level: 2, reason: "me", override: true } });
    expect(res.status).toBe(403);
    expect((await db.actionType.findUniqueOrThrow({ where: { key: type } })).level).toBe(3);
  });

  it("a manager's personal token changes guardrails and levels under the same rules", async () => {
    const { type } = await setup(3);
    const { actor: manager } = await makeUser(db, "manager");
    const { token } = await createPersonalToken(db, manager, { name: "ci" });
    const patch = (body: unknown) => call(typeRoute.PATCH, { method: "PATCH", key: token, params: { key: type }, body });
    const notEligible = await patch({ level: 2, expectedLevel: 3, reason: "go" });
    expect(notEligible.status).toBe(422);
    const skip = await patch({ level: 1, expectedLevel: 3, reason: "two at once", override: true });
    expect(skip.status).toBe(422);
    const ok = await patch({ blocked: true, riskLabel: "high", level: 2, expectedLevel: 3, reason: "pilot", override: true });
    expect(ok.status).toBe(200);
    expect(ok.body.actionType).toMatchObject({ level: 2, blocked: true, riskLabel: "high" });
    expect(ok.body.levelChange).toMatchObject({ fromLevel: 2 + 1, toLevel: 2, override: true });
    expect((await patch({ level: 3, expectedLevel: 2 })).status).toBe(422); // a level change needs a reason
  });

  it("a reviewer cannot create a token, and a revoked or unknown token is 401", async () => {
    const { actor: reviewer } = await makeUser(db, "reviewer");
    await expect(createPersonalToken(db, reviewer, { name: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    const res = await call(typesRoute.GET, { key: `wdp_${"x".repeat(40)}` });
    expect(res.status).toBe(401);
  });
});
