import type { Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { NotFoundError } from "../errors";
import { toActionTypeView } from "./action-type-view";
import type { ActionTypeView } from "./schemas";

async function pendingCounts(db: DbTx, typeIds?: string[]) {
  const rows = await db.action.groupBy({
    by: ["actionTypeId", "route"],
    where: { status: "pending", ...(typeIds ? { actionTypeId: { in: typeIds } } : {}) },
    _count: { _all: true },
  });
  const m = new Map<string, { approvals: number; drafts: number }>();
  for (const r of rows) {
    const c = m.get(r.actionTypeId) ?? { approvals: 0, drafts: 0 };
    if (r.route === "approval") c.approvals += r._count._all;
    if (r.route === "draft") c.drafts += r._count._all;
    m.set(r.actionTypeId, c);
  }
  return m;
}

// Every signed-in role may read action types; editing is for managers (update-action-type.ts).
export async function listActionTypes(db: DbTx, _actor: Actor): Promise<ActionTypeView[]> {
  const [types, counts] = await Promise.all([db.actionType.findMany({ orderBy: { key: "asc" } }), pendingCounts(db)]);
  return types.map((t) => toActionTypeView(t, counts.get(t.id)));
}

export async function getActionTypeOrThrow(db: DbTx, _actor: Actor, key: string): Promise<ActionTypeView> {
  const t = await db.actionType.findUnique({ where: { key } });
  if (!t) throw new NotFoundError("Action type");
  return toActionTypeView(t, (await pendingCounts(db, [t.id])).get(t.id));
}
