import { z } from "zod";
import { assertRole, type Actor } from "../auth/roles";
import { jsonObject, longString } from "../api/common-schemas";
import { recordAuditEvent } from "../audit";
import { bumpEvidence, reviewDelta } from "../autonomy/bump-evidence";
import type { Db } from "../db/client";
import { isUuid } from "../db/ids";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { notifyActionChanged } from "../notify";
import { toActionView } from "./action-view";
import { diffPayload } from "./payload-diff";
import { payloadSchemaErrors } from "./payload-schema";
import type { ActionView } from "./schemas";

export const decideActionInput = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), payload: jsonObject.optional(), comment: longString.optional() }).strict(),
  z.object({ decision: z.literal("reject"), reason: z.string().trim().min(1, "a reason is required").max(2000) }).strict(),
]);
export type DecideActionInput = z.infer<typeof decideActionInput>;

/**
 * A reviewer approves (optionally with an edited payload) or rejects a waiting action.
 * Exactly once: a conditional update on (pending, version); the loser gets 409 naming who won.
 * The decision, its review, its audit event and the agent's wake-up commit together.
 */
export async function decideAction(db: Db, actor: Actor, actionId: string, raw: unknown): Promise<ActionView> {
  assertRole(actor, "reviewer", "decide actions");
  const input = decideActionInput.parse(raw);
  const a = isUuid(actionId) ? await db.action.findUnique({ where: { id: actionId }, include: { actionType: true } }) : null;
  if (!a) throw new NotFoundError("Action");
  if (a.status !== "pending" || a.route !== "approval") throw await alreadyDecided(db, a.id);
  if (a.escalatedAt) assertRole(actor, "manager", "decide an escalated action");
  assertNotClaimedByOther(a, actor);

  let edited: Prisma.InputJsonValue | null = null;
  let editSize = 0;
  if (input.decision === "approve" && input.payload) {
    const errors = payloadSchemaErrors(a.actionType.payloadSchema, input.payload);
    if (errors.length) throw new ValidationError("The edited payload does not match the action type's schema.", errors);
    editSize = diffPayload(a.proposedPayload, input.payload).length;
    if (editSize > 0) edited = input.payload as Prisma.InputJsonValue;
  }
  const status = input.decision === "approve" ? "approved" : "rejected";
  const reason = input.decision === "reject" ? input.reason : (input.comment ?? null);

  const updated = await db.$transaction(async (tx) => {
    const res = await tx.action.updateMany({
      where: {
        id: a.id,
        status: "pending",
        version: a.version,
        // Re-checked in the update itself: a claim taken after our read must still win.
        OR: [{ claimedById: null }, { claimedById: actor.id }, { claimExpiresAt: { lt: new Date() } }],
      },
      data: {
        status,
        approvedPayload: edited ?? undefined,
        decidedById: actor.id,
        decidedAt: new Date(),
        decisionReason: reason,
        claimedById: null,
        claimExpiresAt: null,
        version: { increment: 1 },
      },
    });
    if (res.count === 0) return null;
    const verdict = status === "rejected" ? "rejected" : edited ? "edited" : "accepted";
    await bumpEvidence(tx, a.actionTypeId, reviewDelta(verdict, editSize));
    await tx.review.create({
      data: {
        targetType: "action",
        targetId: a.id,
        reviewerId: actor.id,
        source: "human",
        verdict,
        comment: reason,
        editSize: edited ? editSize : 0,
      },
    });
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: `action.${status}`,
      targetType: "action",
      targetId: a.id,
      before: { status: a.status, payload: a.proposedPayload },
      after: { status, payload: edited ?? a.proposedPayload, reason },
    });
    await notifyActionChanged(tx, a.id);
    return tx.action.findUniqueOrThrow({ where: { id: a.id } });
  });
  if (!updated) throw await alreadyDecided(db, a.id);
  return toActionView(updated, a.actionType.key);
}

/** Someone else's live claim blocks a decision (their claim lapses on its own). */
export function assertNotClaimedByOther(
  a: { claimedById: string | null; claimExpiresAt: Date | null },
  actor: Actor,
  now = new Date(),
): void {
  if (a.claimedById && a.claimedById !== actor.id && a.claimExpiresAt && a.claimExpiresAt > now) {
    throw new ConflictError(`Another reviewer has this item open until ${a.claimExpiresAt.toISOString()}.`, {
      claimExpiresAt: a.claimExpiresAt.toISOString(),
    });
  }
}

export async function alreadyDecided(db: Db, actionId: string): Promise<ConflictError> {
  const a = await db.action.findUnique({ where: { id: actionId }, include: { decidedBy: { select: { email: true, name: true } } } });
  const who = a?.decidedBy ? (a.decidedBy.name ?? a.decidedBy.email) : null;
  return new ConflictError(`This action was already ${a?.status}${who ? ` by ${who}` : ""}.`, {
    actionStatus: a?.status,
    decidedBy: who,
    decidedAt: a?.decidedAt?.toISOString() ?? null,
  });
}
