import { assertRole, type Actor } from "../auth/roles";
import type { Db } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError, ValidationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { draftOutcomeInput } from "../review/schemas";
import { toActionView } from "./action-view";
import { alreadyDecided, assertNotClaimedByOther, settlePendingAction, wrongRoute } from "./settle-pending-action";
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
  const a = isUuid(actionId) ? await db.action.findUnique({ where: { id: actionId }, include: { actionType: true, claimedBy: { select: { name: true, email: true } } } }) : null;
  if (!a) throw new NotFoundError("Action");
  if (a.status === "pending" && a.route !== "draft") throw wrongRoute(a, "draft-outcome");
  if (a.status !== "pending") throw await alreadyDecided(db, a.id);
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

  const updated = await settlePendingAction(db, actor, a, {
    data: {
      status,
      outcome: OUTCOME[input.outcome],
      outcomeAt: new Date(),
      executedPayload: executed ?? undefined,
      approvedPayload: input.outcome === "with_changes" ? (executed ?? undefined) : undefined,
      decisionReason: reason,
    },
    verdict,
    editSize,
    comment: reason,
    audit: { action: `draft.${OUTCOME[input.outcome]}`, after: { status, payload: executed, reason }, payload: executed ?? a.proposedPayload, policyVersion: a.actionType.version },
  });
  return toActionView(updated, a.actionType.key);
}
