import { z } from "zod";
import { assertRole, type Actor } from "../auth/roles";
import { jsonObject, longString } from "../api/common-schemas";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError, ValidationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { toActionView } from "./action-view";
import { diffPayload } from "./payload-diff";
import { payloadSchemaErrors } from "./payload-schema";
import type { ActionView } from "./schemas";
import { alreadyDecided, assertNotClaimedByOther, settlePendingAction, wrongRoute } from "./settle-pending-action";

export const decideActionInput = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), payload: jsonObject.optional(), comment: longString.optional() }).strict(),
  z.object({ decision: z.literal("reject"), reason: z.string().trim().min(1, "a reason is required").max(2000) }).strict(),
]);
export type DecideActionInput = z.infer<typeof decideActionInput>;

/**
 * A reviewer approves (optionally with an edited payload) or rejects a waiting action.
 * The edit is checked against the type's schema and kept beside the proposal.
 */
export async function decideAction(db: DbTx, actor: Actor, actionId: string, raw: unknown): Promise<ActionView> {
  assertRole(actor, "reviewer", "decide actions");
  const input = decideActionInput.parse(raw);
  const a = isUuid(actionId) ? await db.action.findUnique({ where: { id: actionId }, include: { actionType: true, claimedBy: { select: { name: true, email: true } } } }) : null;
  if (!a) throw new NotFoundError("Action");
  if (a.status === "pending" && a.route !== "approval") throw wrongRoute(a, "decision");
  if (a.status !== "pending") throw await alreadyDecided(db, a.id);
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
  const updated = await settlePendingAction(db, actor, a, {
    data: { status, approvedPayload: edited ?? undefined, decisionReason: reason },
    verdict: status === "rejected" ? "rejected" : edited ? "edited" : "accepted",
    editSize,
    comment: reason,
    // An approval applies to the payload the agent will execute (a reviewer's edit included).
    audit: { action: `action.${status}`, after: { status, payload: edited ?? a.proposedPayload, reason }, payload: edited ?? a.proposedPayload, policyVersion: a.actionType.version },
  });
  return toActionView(updated, a.actionType.key);
}
