import { generatePassword, hashPassword } from "../auth/password";
import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent, type AuditActor } from "../audit";
import type { Db, DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { ForbiddenError, NotFoundError } from "../errors";
import type { User } from "../generated/prisma/client";
import { emailSchema, type PasswordResetView } from "./schemas";
import { setPassword } from "./set-password";
import { toUserView } from "./user-view";

/**
 * An admin resets another user's password: a generated one-time password replaces it, the
 * user's sessions end, their sign-in throttling is cleared, and an audit event records who did
 * it (never the password). The password is returned once and stored only as a hash.
 */
export async function resetUserPassword(db: Db, actor: Actor, userId: string, now = new Date()): Promise<PasswordResetView> {
  assertRole(actor, "admin", "reset passwords");
  // A reset skips the current password; for one's own account that check must not be skipped.
  if (userId === actor.id) throw new ForbiddenError("Change your own password on your Account page, with your current password.");
  return reset(db, { actor: { type: "user", id: actor.id }, via: "console" }, (tx) =>
    isUuid(userId) ? tx.user.findUnique({ where: { id: userId } }) : Promise.resolve(null),
  now);
}

/**
 * The same reset from the server's shell (`npm run user:reset-password -- <email>`), for an
 * operator whose only admin is locked out. Whoever can run it already owns the database.
 */
export async function resetUserPasswordFromShell(db: Db, rawEmail: string, now = new Date()): Promise<PasswordResetView> {
  const email = emailSchema.parse(rawEmail);
  return reset(db, { actor: { type: "system" }, via: "shell" }, (tx) => tx.user.findUnique({ where: { email } }), now);
}

async function reset(
  db: Db,
  by: { actor: AuditActor; via: "console" | "shell" },
  find: (tx: DbTx) => Promise<User | null>,
  now: Date,
): Promise<PasswordResetView> {
  const password = generatePassword();
  // Hashed before the transaction: argon2 is slow on purpose and must not hold row locks.
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const before = await find(tx);
    if (!before) throw new NotFoundError("User");
    const after = await setPassword(tx, before, passwordHash, now);
    await tx.loginAttempt.deleteMany({ where: { email: before.email, succeeded: false } });
    await recordAuditEvent(tx, {
      actor: by.actor,
      action: "user.password_reset",
      targetType: "user",
      targetId: before.id,
      after: { via: by.via, sessionsEnded: true },
    });
    return after;
  });
  return { user: toUserView(user), password };
}
