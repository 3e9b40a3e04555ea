import { hashPassword, verifyPassword } from "../auth/password";
import type { Actor } from "../auth/roles";
import { guardPasswordAttempt, recordPasswordAttempt, type PasswordAttemptDeps } from "../auth/sign-in";
import { throttleAddressKey } from "../auth/throttle";
import { recordAuditEvent } from "../audit";
import type { Db } from "../db/client";
import { UnauthenticatedError, ValidationError } from "../errors";
import { changeOwnPasswordInput, type PasswordChangedView } from "./schemas";
import { setPassword } from "./set-password";

/**
 * A signed-in user changes their own password, proving the current one. Wrong guesses count
 * as failed sign-ins (same throttle), so a borrowed session cannot brute-force the password.
 * Every session made with the old password ends, this one included: the caller signs in again.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  raw: unknown,
  client: { ip?: string | null } = {},
  now = new Date(),
  deps: PasswordAttemptDeps = {},
): Promise<PasswordChangedView> {
  const input = changeOwnPasswordInput.parse(raw);
  const address = throttleAddressKey(client.ip);
  await guardPasswordAttempt(db, { email: actor.email, address }, now, deps);
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user || user.disabledAt) throw new UnauthenticatedError("Sign in first.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordPasswordAttempt(db, { email: user.email, address, succeeded: false }, now);
    throw new ValidationError("The current password is not right.", [{ path: "currentPassword", message: "not your current password" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const after = await db.$transaction(async (tx) => {
    const changed = await setPassword(tx, user, passwordHash, now);
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: "user.password_changed",
      targetType: "user",
      targetId: actor.id,
      after: { sessionsEnded: true },
    });
    return changed;
  });
  return { passwordChangedAt: after.passwordChangedAt!.toISOString() };
}
