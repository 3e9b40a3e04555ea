import { hashPassword } from "../auth/password";
import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import type { Db } from "../db/client";
import { ConflictError } from "../errors";
import { isUniqueViolation } from "../db/errors";
import { createUserInput, type UserView } from "./schemas";
import { toUserView } from "./user-view";

export async function createUser(db: Db, actor: Actor, raw: unknown): Promise<UserView> {
  assertRole(actor, "admin", "create users");
  const input = createUserInput.parse(raw);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const u = await tx.user.create({
        data: { email: input.email, name: input.name || null, role: input.role, passwordHash },
      });
      await recordAuditEvent(tx, {
        actor: { type: "user", id: actor.id },
        action: "user.created",
        targetType: "user",
        targetId: u.id,
        after: { email: u.email, role: u.role },
      });
      return u;
    });
    return toUserView(user);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`A user with the e-mail ${input.email} already exists.`);
    throw err;
  }
}
