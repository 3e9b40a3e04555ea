import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";

export type ReviewerOption = { id: string; label: string };

/**
 * The people who can decide actions (reviewers and above, disabled ones too, and anyone who
 * ever decided one), as "who decided" filter choices. Every role may read the names: action pages already
 * show who decided each one. E-mails only stand in where a user has no name.
 */
export async function listReviewers(db: DbTx, actor: Actor): Promise<ReviewerOption[]> {
  assertRole(actor, "viewer", "see who decides actions");
  const users = await db.user.findMany({
    // Someone whose role was lowered since still decided what they decided.
    where: { OR: [{ role: { in: ["reviewer", "manager", "admin"] } }, { decidedActions: { some: {} } }] },
    select: { id: true, name: true, email: true },
    orderBy: { email: "asc" },
  });
  return users.map((u) => ({ id: u.id, label: u.name ?? u.email })).sort((a, b) => a.label.localeCompare(b.label));
}
