import type { Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import { bumpEvidence, reviewDelta } from "../autonomy/bump-evidence";
import { withTx, type DbTx } from "../db/client";
import { ConflictError, ValidationError } from "../errors";
import type { Action, Prisma } from "../generated/prisma/client";
import { notifyActionChanged } from "../notify";
import { metrics } from "../observability";

/** Someone else's live claim blocks a decision (their claim lapses on its own). */
export function assertNotClaimedByOther(
  a: { claimedById: string | null; claimExpiresAt: Date | null; claimedBy?: { name: string | null; email: string } | null },
  actor: Actor,
  now = new Date(),
): void {
  if (a.claimedById && a.claimedById !== actor.id && a.claimExpiresAt && a.claimExpiresAt > now) {
    const who = a.claimedBy ? (a.claimedBy.name ?? a.claimedBy.email) : "Another reviewer";
    throw new ConflictError(`${who} has this item open until ${a.claimExpiresAt.toISOString()}.`, {
      claimedBy: a.claimedBy ? who : null,
      claimExpiresAt: a.claimExpiresAt.toISOString(),
    });
  }
}

/**
 * A pending action settled through the other queue's route: a draft has no decision to make,
 * and an approval has no draft outcome. Not a conflict with someone else — the wrong door.
 */
export function wrongRoute(a: { route: string }, attempted: "decision" | "draft-outcome"): ValidationError {
  const detail =
    attempted === "decision"
      ? "This action is a draft (level 3): nothing is approved or rejected; record what was done with it (executed as proposed, with changes, or discarded) through draft-outcome."
      : "This action waits for approval (level 2): approve or reject it through decision; draft outcomes are for level-3 drafts.";
  return new ValidationError(detail, [{ path: attempted === "decision" ? "decision" : "outcome", message: `not for a ${a.route} action` }]);
}

export async function alreadyDecided(db: DbTx, actionId: string): Promise<ConflictError> {
  const a = await db.action.findUnique({ where: { id: actionId }, include: { decidedBy: { select: { email: true, name: true } } } });
  const who = a?.decidedBy ? (a.decidedBy.name ?? a.decidedBy.email) : null;
  return new ConflictError(`This action was already ${a?.status}${who ? ` by ${who}` : ""}.`, {
    actionStatus: a?.status,
    decidedBy: who,
    decidedAt: a?.decidedAt?.toISOString() ?? null,
  });
}

/**
 * The one way a person settles a pending action (approval decision or draft outcome), exactly
 * once: a conditional update on (pending, version, no live claim by someone else), then the
 * review, the evidence counters, the audit event and the agent's wake-up — one transaction.
 * The loser of a race gets 409 naming who won. Joins the caller's transaction when given one
 * (several decisions that commit together).
 */
export async function settlePendingAction(
  db: DbTx,
  actor: Actor,
  a: Action,
  s: {
    data: Omit<Prisma.ActionUpdateManyMutationInput, "decidedAt" | "claimedById" | "claimExpiresAt" | "version"> & { status: Action["status"] };
    verdict: "accepted" | "edited" | "rejected";
    editSize: number;
    comment: string | null;
    /** The receipt: what the decision applied to, under the type's version the decision was made on. */
    audit: { action: string; after: unknown; payload: unknown; policyVersion: number };
  },
): Promise<Action> {
  const updated = await withTx(db, async (tx) => {
    const res = await tx.action.updateMany({
      where: {
        id: a.id,
        status: "pending",
        version: a.version,
        // Re-checked in the update itself: a claim taken after our read must still win.
        OR: [{ claimedById: null }, { claimedById: actor.id }, { claimExpiresAt: { lt: new Date() } }],
      },
      data: { ...s.data, decidedById: actor.id, decidedAt: new Date(), claimedById: null, claimExpiresAt: null, version: { increment: 1 } },
    });
    if (res.count === 0) return null;
    await bumpEvidence(tx, a.actionTypeId, reviewDelta(s.verdict, s.editSize));
    await tx.review.create({
      data: { targetType: "action", targetId: a.id, reviewerId: actor.id, source: "human", verdict: s.verdict, comment: s.comment, editSize: s.editSize },
    });
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: s.audit.action,
      targetType: "action",
      targetId: a.id,
      before: { status: a.status, payload: a.proposedPayload },
      after: s.audit.after,
      agentId: a.agentId,
      actionTypeId: a.actionTypeId,
      receipt: { policyVersion: s.audit.policyVersion, payload: s.audit.payload },
    });
    await notifyActionChanged(tx, a.id);
    return tx.action.findUniqueOrThrow({ where: { id: a.id } });
  });
  if (!updated) throw await alreadyDecided(db, a.id);
  metrics.decisionLatency.observe({ kind: a.route }, Math.max(0, (updated.decidedAt ?? new Date()).getTime() - a.createdAt.getTime()) / 1000);
  return updated;
}
