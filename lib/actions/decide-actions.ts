import { assertRole, hasRole, type Actor } from "../auth/roles";
import { withTx, type DbTx } from "../db/client";
import { ConflictError, NotFoundError } from "../errors";
import { notBulkApprovable } from "./bulk-approvable";
import { decideAction } from "./decide-action";
import { bulkDecisionInput, type ActionView } from "./schemas";

/**
 * A reviewer approves or rejects several waiting approvals at once, all or nothing: one
 * transaction, each item through the same decision as one at a time (claims, races, evidence,
 * audit). Every item must be one this reviewer could decide on its own as it stands, and an
 * approval never covers a destructive (blocked) type (bulk-approvable.ts); when any named item
 * is not, or is no longer waiting, nothing is decided and the 409 lists them.
 */
export async function decideActions(db: DbTx, actor: Actor, raw: unknown, now = new Date()): Promise<{ decided: ActionView[] }> {
  assertRole(actor, "reviewer", "decide actions");
  const input = bulkDecisionInput.parse(raw);
  // Rows are locked in id order, so two bulk decisions over overlapping items cannot deadlock.
  const ids = [...new Set(input.ids)].sort();
  return withTx(db, async (tx) => {
    const rows = await tx.action.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, route: true, escalatedAt: true, claimedById: true, claimExpiresAt: true, actionType: { select: { key: true, blocked: true } } },
    });
    if (rows.length !== ids.length) throw new NotFoundError(`${ids.length - rows.length} of the ${ids.length} actions`);
    const isManager = hasRole(actor.role, "manager");
    const whyNot = (a: (typeof rows)[number]): string | null => {
      if (a.status !== "pending") return `already ${a.status}`;
      if (a.route !== "approval") return "not an approval";
      const claimedByOther = a.claimedById !== null && a.claimedById !== actor.id && a.claimExpiresAt !== null && a.claimExpiresAt > now;
      // A rejection needs no closer reading than the reason: blocked types may be rejected together.
      const blocked = input.decision === "approve" && a.actionType.blocked;
      return notBulkApprovable({ blocked, escalated: a.escalatedAt !== null, claimedByOther }, isManager);
    };
    const refused = rows.flatMap((a) => {
      const reason = whyNot(a);
      return reason ? [{ id: a.id, type: a.actionType.key, reason }] : [];
    });
    if (refused.length) {
      throw new ConflictError(
        `${refused.length} of the ${ids.length} selected cannot be ${input.decision === "approve" ? "approved" : "rejected"} together: ${refused
          .slice(0, 3)
          .map((r) => `${r.type} ${r.id.slice(0, 8)} (${r.reason})`)
          .join(", ")}${refused.length > 3 ? ", …" : ""}. Nothing was decided.`,
        { refused },
      );
    }
    const decided: ActionView[] = [];
    for (const id of ids) {
      decided.push(await decideAction(tx, actor, id, input.decision === "approve" ? { decision: "approve" } : { decision: "reject", reason: input.reason }));
    }
    return { decided };
  });
}
