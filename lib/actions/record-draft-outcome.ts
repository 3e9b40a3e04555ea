import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import { bumpEvidence, reviewDelta } from "../autonomy/bump-evidence";
import type { Db } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError, ValidationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { notifyActionChanged } from "../notify";
import { draftOutcomeInput } from "../review/schemas";
import { toActionView } from "./action-view";
import { alreadyDecided, assertNotClaimedByOther } from "./decide-action";
import { diffPayload } from "./payload-diff";
import { payloadSchemaErrors } from "./payload-schema";
import type { ActionView } from "./schemas";

const OUTCOME = { as_proposed: "executed_as_proposed", with_changes: "executed_with_changes", discarded: "discarded" } as const;

/**
 * Level 3: the agent only proposed; a person did the real work and records what they did —
 * executed as proposed, executed with changes (kept as the executed payload), or discarded.
 * Exactly once, like a decision; the waiting agent is woken with the outcome.
 */
export async function recordDraftOutcome(db: Db, actor: Actor, actionId: string, raw: unknown): Promise<ActionView> {
  assertRole(actor, "reviewer", "record what was done with a draft");
  const input = draftOutcomeInput.parse(raw);
  const a = isUuid(actionId) ? await db.action.findUnique({ where: { id: actionId }, include: { actionType: true } }) : null;
  if (!a) throw new NotFoundError("Action");
  if (a.status !== "pending" || a.route !== "draft") throw await alreadyDecided(db, a.id);
  assertNotClaimedByOther(a, actor);

  let executed: Prisma.InputJsonValue | null = null;
  let editSize = 0;
  if (input.outcome === "with_changes") {
    const errors = payloadSchemaErrors(a.actionType.payloadSchema, input.payload);
    if (errors.length) throw new ValidationError("The changed payload does not match the action type's schema.", errors);
    editSize = diffPayload(a.proposedPayload, input.payload).length;
    executed = input.payload as Prisma.InputJsonValue;
  } else if (input.outcome === "as_proposed") {
    executed = a.proposedPayload as Prisma.InputJsonValue;
  }
  const status = input.outcome === "discarded" ? "discarded" : "drafted";
  const reason = input.outcome === "discarded" ? input.reason : (input.comment ?? null);
  const verdict = input.outcome === "discarded" ? "rejected" : input.outcome === "with_changes" && editSize > 0 ? "edited" : "accepted";

  const updated = await db.$transaction(async (tx) => {
    const res = await tx.action.updateMany({
      where: {
        id: a.id,
        status: "pending",
        version: a.version,
        OR: [{ claimedById: null }, { claimedById: actor.id }, { claimExpiresAt: { lt: new Date() } }],
      },
      data: {
        status,
        outcome: OUTCOME[input.outcome],
        outcomeAt: new Date(),
        executedPayload: executed ?? undefined,
        approvedPayload: input.outcome === "with_changes" ? (executed ?? undefined) : undefined,
        decidedById: actor.id,
        decidedAt: new Date(),
        decisionReason: reason,
        claimedById: null,
        claimExpiresAt: null,
        version: { increment: 1 },
      },
    });
    if (res.count === 0) return null;
    await bumpEvidence(tx, a.actionTypeId, reviewDelta(verdict, editSize));
    await tx.review.create({
      data: { targetType: "action", targetId: a.id, reviewerId: actor.id, source: "human", verdict, comment: reason, editSize },
    });
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: `draft.${OUTCOME[input.outcome]}`,
      targetType: "action",
      targetId: a.id,
      before: { status: a.status, payload: a.proposedPayload },
      after: { status, payload: executed, reason },
    });
    await notifyActionChanged(tx, a.id);
    return tx.action.findUniqueOrThrow({ where: { id: a.id } });
  });
  if (!updated) throw await alreadyDecided(db, a.id);
  return toActionView(updated, a.actionType.key);
}
