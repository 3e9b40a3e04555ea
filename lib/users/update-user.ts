import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import type { Db } from "../db/client";
import { isUuid } from "../db/ids";
import { ConflictError, NotFoundError } from "../errors";
import { updateUserInput, type UserView } from "./schemas";
import { toUserView } from "./user-view";

/** Changes a user's role or disables/enables them. The last active admin cannot be removed. */
export async function updateUser(db: Db, actor: Actor, userId: string, raw: unknown): Promise<UserView> {
  assertRole(actor, "admin", "change users");
  const input = updateUserInput.parse(raw);
  const updated = await db.$transaction(async (tx) => {
    // Lock the admins so two concurrent demotions cannot both see "another admin remains".
    await tx.$queryRaw`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`;
    const before = isUuid(userId) ? await tx.user.findUnique({ where: { id: userId } }) : null;
    if (!before) throw new NotFoundError("User");
    const disabledAt =
      input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? new Date()) : null;
    const role = input.role ?? before.role;
    const stopsBeingActiveAdmin = before.role === "admin" && before.disabledAt === null && (role !== "admin" || disabledAt !== null);
    if (stopsBeingActiveAdmin) {
      const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
      if (others === 0) throw new ConflictError("Warden needs at least one active admin; promote another user first.");
    }
    const after = await tx.user.update({ where: { id: userId }, data: { role, disabledAt } });
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: "user.updated",
      targetType: "user",
      targetId: userId,
      before: { role: before.role, disabled: before.disabledAt !== null },
      after: { role: after.role, disabled: after.disabledAt !== null },
    });
    return after;
  });
  return toUserView(updated);
}
