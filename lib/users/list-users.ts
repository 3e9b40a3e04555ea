import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { toUserView } from "./user-view";
import type { UserView } from "./schemas";

export async function listUsers(db: DbTx, actor: Actor): Promise<UserView[]> {
  assertRole(actor, "admin", "see the user list");
  const users = await db.user.findMany({ orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }] });
  return users.map(toUserView);
}
