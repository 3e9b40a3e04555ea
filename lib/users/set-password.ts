import type { DbTx } from "../db/client";
import { ConflictError } from "../errors";
import type { User } from "../generated/prisma/client";

/**
 * Replaces a user's password hash inside the caller's transaction and moves the password stamp
 * on, which signs out every session made with the old password. Conditional on the stamp the
 * caller read, so of two concurrent changes exactly one wins and the other is told.
 */
export async function setPassword(tx: DbTx, before: User, passwordHash: string, now: Date): Promise<User> {
  // Strictly later than the previous stamp, even within one millisecond.
  const stamp = new Date(Math.max(now.getTime(), (before.passwordChangedAt?.getTime() ?? 0) + 1));
  const { count } = await tx.user.updateMany({
    where: { id: before.id, passwordChangedAt: before.passwordChangedAt },
    data: { passwordHash, passwordChangedAt: stamp },
  });
  if (count !== 1) throw new ConflictError(`The password of ${before.email} was changed a moment ago by someone else; try again.`);
  return { ...before, passwordHash, passwordChangedAt: stamp };
}
