import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import { withTx, type Db, type DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import type { ActionType, AutonomyChange, Prisma } from "../generated/prisma/client";
import { policyReceipt } from "../action-types/policy-receipt";
import { raiseIncident } from "../incidents";
import { autoDemotion, eligibility, type Level } from "./eligibility";
import { loadEvidence, loadWindowCounts } from "./load-evidence";
import { demoteInput, promoteInput, requestAutonomyInput, setLevelInput, signOffInput, type AutonomyChangeView } from "./schemas";
import { effectiveThresholds } from "./thresholds";

// Every level change goes through applyChange: the new level (guarded by the type's version,
// so two concurrent changes cannot both apply), the AutonomyChange row with the evidence it was
// based on, and the audit event — one transaction. Requests are read on every action request,
// so a change takes effect for the very next request on every instance.

type Snapshot = { evidence: unknown; eligibility: unknown; thresholds: unknown };

async function snapshot(db: DbTx, t: ActionType): Promise<Snapshot> {
  const ev = (await loadEvidence(db, [t.id])).get(t.id)!;
  const th = effectiveThresholds(t.promotionThresholds);
  return { evidence: ev, eligibility: eligibility(t.level as Level, ev, th, { blocked: t.blocked }), thresholds: th };
}

async function getTypeOrThrow(db: DbTx, key: string, expectedLevel?: number): Promise<ActionType> {
  const t = await db.actionType.findUnique({ where: { key } });
  if (!t) throw new NotFoundError("Action type");
  if (expectedLevel !== undefined && t.level !== expectedLevel) {
    throw new ConflictError(`${key} is now at level ${t.level}, not ${expectedLevel}: someone changed it meanwhile. Reload and decide again.`, {
      currentLevel: t.level,
    });
  }
  return t;
}

async function applyChange(
  tx: DbTx,
  t: ActionType,
  c: { toLevel: Level; byId: string | null; approvedById?: string | null; reason: string; override?: boolean; automatic?: boolean; snap: Snapshot; requestId?: string },
): Promise<AutonomyChange> {
  const res = await tx.actionType.updateMany({ where: { id: t.id, version: t.version }, data: { level: c.toLevel, version: { increment: 1 } } });
  if (res.count === 0) throw new ConflictError(`${t.key} changed meanwhile; reload and try again.`);
  const change = c.requestId
    ? await tx.autonomyChange.update({
        where: { id: c.requestId },
        data: { status: "applied", approvedById: c.approvedById ?? null, decisionReason: c.reason, decidedAt: new Date(), evidence: c.snap as Prisma.InputJsonValue },
      })
    : await tx.autonomyChange.create({
        data: {
          actionTypeId: t.id,
          fromLevel: t.level,
          toLevel: c.toLevel,
          status: "applied",
          automatic: c.automatic ?? false,
          override: c.override ?? false,
          byId: c.byId,
          approvedById: c.approvedById ?? null,
          reason: c.reason,
          evidence: c.snap as Prisma.InputJsonValue,
          decidedAt: new Date(),
        },
      });
  await recordAuditEvent(tx, {
    actor: c.byId ? { type: "user", id: c.approvedById ?? c.byId } : { type: "system" },
    action: c.toLevel < t.level ? "autonomy.promoted" : "autonomy.demoted",
    targetType: "action_type",
    targetId: t.id,
    before: { level: t.level },
    after: { level: c.toLevel, reason: c.reason, override: c.override ?? false, automatic: c.automatic ?? false, version: t.version + 1 },
    receipt: await policyReceipt(tx, t.id, t.version),
  });
  return change;
}

// A blocked type always needs a person first, so the policy holds it at level 2 whatever its
// level: a promotion past 2 would change nothing an agent sees and only mislead the board.
function refuseBlockedPastFloor(t: ActionType): void {
  if (t.blocked) {
    throw new ConflictError(
      `${t.key} is on the blocked list: it always needs a person first, so it cannot be promoted past level 2. Take it off the blocked list first.`,
      { blocked: true },
    );
  }
}

/** A manager promotes a type one level (3→2, 2→1). Not eligible: only with `override` and a reason, flagged. */
export async function promoteActionType(db: DbTx, actor: Actor, key: string, raw: unknown): Promise<AutonomyChangeView> {
  assertRole(actor, "manager", "promote action types");
  const input = promoteInput.parse(raw);
  const change = await withTx(db, async (tx) => {
    const t = await getTypeOrThrow(tx, key, input.expectedLevel);
    if (t.level <= 2) refuseBlockedPastFloor(t);
    if (t.level === 0) throw new ConflictError(`${key} is already autonomous (level 0).`);
    if (t.level === 1) throw new ConflictError("Level 1 → 0 needs a request that a different admin signs off.");
    const snap = await snapshot(tx, t);
    const elig = snap.eligibility as ReturnType<typeof eligibility>;
    if (!elig.eligible && !input.override) {
      const failing = elig.checks.filter((c) => !c.ok).map((c) => c.label).join(", ");
      throw new ValidationError(`${key} is not eligible for promotion (${failing}). Promote with an explicit override if you must.`, [
        { path: "override", message: "required when the type is not eligible" },
      ]);
    }
    return applyChange(tx, t, { toLevel: (t.level - 1) as Level, byId: actor.id, reason: input.reason, override: !elig.eligible, snap });
  });
  return toChangeView(db, change);
}

/** Any manager demotes at once, any number of levels, with a reason. */
export async function demoteActionType(db: DbTx, actor: Actor, key: string, raw: unknown): Promise<AutonomyChangeView> {
  assertRole(actor, "manager", "demote action types");
  const input = demoteInput.parse(raw);
  const change = await withTx(db, async (tx) => {
    const t = await getTypeOrThrow(tx, key, input.expectedLevel);
    if (input.toLevel <= t.level) throw new ValidationError(`Demotion must raise the level above ${t.level}.`, [{ path: "toLevel", message: `must be above ${t.level}` }]);
    return applyChange(tx, t, { toLevel: input.toLevel as Level, byId: actor.id, reason: input.reason, snap: await snapshot(tx, t) });
  });
  return toChangeView(db, change);
}

/** 1 → 0: a manager asks; the change waits for a different admin's sign-off. */
export async function requestFullAutonomy(db: DbTx, actor: Actor, key: string, raw: unknown): Promise<AutonomyChangeView> {
  assertRole(actor, "manager", "request full autonomy");
  const input = requestAutonomyInput.parse(raw);
  const change = await withTx(db, async (tx) => {
    const t = await getTypeOrThrow(tx, key);
    refuseBlockedPastFloor(t);
    if (t.level !== 1) throw new ConflictError(`Only a level-1 type can be requested for level 0; ${key} is at level ${t.level}.`);
    // Lock the type row so two managers asking at once create one request.
    await tx.$queryRaw`SELECT id FROM action_types WHERE id = ${t.id}::uuid FOR UPDATE`;
    if (await tx.autonomyChange.findFirst({ where: { actionTypeId: t.id, status: "pending" } })) {
      throw new ConflictError(`${key} already has a pending request for full autonomy.`);
    }
    const c = await tx.autonomyChange.create({
      data: { actionTypeId: t.id, fromLevel: 1, toLevel: 0, status: "pending", byId: actor.id, reason: input.reason, evidence: (await snapshot(tx, t)) as Prisma.InputJsonValue },
    });
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: "autonomy.requested",
      targetType: "action_type",
      targetId: t.id,
      after: { toLevel: 0, reason: input.reason },
      receipt: await policyReceipt(tx, t.id, t.version),
    });
    return c;
  });
  return toChangeView(db, change);
}

/** A different admin approves (the type goes to level 0) or denies (with a reason) a pending request. */
export async function signOffAutonomyRequest(db: DbTx, actor: Actor, requestId: string, raw: unknown): Promise<AutonomyChangeView> {
  assertRole(actor, "admin", "sign off full autonomy");
  const input = signOffInput.parse(raw);
  const change = await withTx(db, async (tx) => {
    const req = isUuid(requestId) ? await tx.autonomyChange.findUnique({ where: { id: requestId }, include: { actionType: true } }) : null;
    if (!req) throw new NotFoundError("Autonomy request");
    if (req.byId === actor.id) throw new ForbiddenError("Two-person rule: a different admin must sign off your own request.");
    const claimed = await tx.autonomyChange.updateMany({ where: { id: req.id, status: "pending" }, data: { status: input.approve ? "applying" : "denied" } });
    if (claimed.count === 0) throw new ConflictError(`This request was already ${req.status}.`);
    if (!input.approve) {
      const denied = await tx.autonomyChange.update({ where: { id: req.id }, data: { approvedById: actor.id, decisionReason: input.reason!, decidedAt: new Date() } });
      await recordAuditEvent(tx, {
        actor: { type: "user", id: actor.id },
        action: "autonomy.denied",
        targetType: "action_type",
        targetId: req.actionTypeId,
        after: { reason: input.reason },
        receipt: await policyReceipt(tx, req.actionTypeId, req.actionType.version),
      });
      return denied;
    }
    const t = req.actionType;
    // Blocked after the request was made: it can still be denied, never applied.
    refuseBlockedPastFloor(t);
    if (t.level !== 1) throw new ConflictError(`${t.key} is no longer at level 1 (now ${t.level}); the request cannot apply.`);
    return applyChange(tx, t, { toLevel: 0, byId: req.byId, approvedById: actor.id, reason: input.reason || req.reason, snap: await snapshot(tx, t), requestId: req.id });
  });
  return toChangeView(db, change);
}

/**
 * REST: one `level` field; dispatches to promote, request (1→0) or demote with the same rules.
 * The move is computed from the level read inside the transaction and must start from the
 * level the caller saw (`expectedLevel`): `{level: 2}` meant as 3→2 can never turn into a
 * demotion 1→2 because someone promoted meanwhile.
 */
export async function setActionTypeLevel(db: DbTx, actor: Actor, key: string, raw: unknown): Promise<AutonomyChangeView> {
  const input = setLevelInput.parse(raw);
  return withTx(db, async (tx) => {
    const t = await getTypeOrThrow(tx, key, input.expectedLevel);
    if (input.level === t.level) throw new ValidationError(`${key} is already at level ${t.level}.`, [{ path: "level", message: "unchanged" }]);
    if (input.level > t.level) return demoteActionType(tx, actor, key, { toLevel: input.level, reason: input.reason, expectedLevel: t.level });
    if (input.level !== t.level - 1) throw new ValidationError("Promotion is one level at a time.", [{ path: "level", message: `must be ${t.level - 1}` }]);
    if (t.level === 1) return requestFullAutonomy(tx, actor, key, { reason: input.reason });
    return promoteActionType(tx, actor, key, { reason: input.reason, override: input.override, expectedLevel: t.level });
  });
}

/**
 * Automatic demotion (a job): types at level 0 or 1 whose audit-failure or failed-execution
 * rate crossed its threshold in the window drop one level, with an incident.
 */
export async function evaluateAutoDemotions(db: Db, now = new Date()): Promise<string[]> {
  const types = await db.actionType.findMany({ where: { level: { lte: 1 } } });
  const demoted: string[] = [];
  for (const t of types) {
    const th = effectiveThresholds(t.promotionThresholds);
    const verdict = autoDemotion(t.level as Level, await loadWindowCounts(db, t.id, th.demotionWindowDays, now), th);
    if (!verdict.demote) continue;
    try {
      await db.$transaction(async (tx) => {
        await applyChange(tx, t, { toLevel: (t.level + 1) as Level, byId: null, reason: `Automatic: ${verdict.reason}.`, automatic: true, snap: await snapshot(tx, t) });
        await raiseIncident(tx, { kind: "autonomy_auto_demoted", severity: "warning", title: `${t.key} was demoted to level ${t.level + 1}: ${verdict.reason}`, details: { actionType: t.key, from: t.level, to: t.level + 1 } });
      });
      demoted.push(t.key);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err; // another instance or a person changed it first
    }
  }
  return demoted;
}

export async function toChangeView(db: DbTx, c: AutonomyChange): Promise<AutonomyChangeView> {
  const [type, users] = await Promise.all([
    db.actionType.findUnique({ where: { id: c.actionTypeId }, select: { key: true } }),
    db.user.findMany({ where: { id: { in: [c.byId, c.approvedById].filter((x): x is string => !!x) } }, select: { id: true, name: true, email: true } }),
  ]);
  const name = (id: string | null) => {
    const u = users.find((x) => x.id === id);
    return u ? (u.name ?? u.email) : null;
  };
  return {
    id: c.id,
    actionType: type?.key ?? "",
    fromLevel: c.fromLevel,
    toLevel: c.toLevel,
    status: c.status as AutonomyChangeView["status"],
    automatic: c.automatic,
    override: c.override,
    byId: c.byId,
    by: name(c.byId),
    approvedBy: name(c.approvedById),
    reason: c.reason,
    decisionReason: c.decisionReason,
    evidence: c.evidence,
    createdAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
  };
}
