import type { DbTx } from "../db/client";
import { RateLimitedError, UnauthenticatedError } from "../errors";
import { emailSchema } from "../users/schemas";
import { passwordStamp, verifyPassword } from "./password";
import type { Actor } from "./roles";
import { THROTTLE, signInVerdict, throttleAddressKey } from "./throttle";

// A hash of a random password, compared when the e-mail is unknown so both paths cost the same.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$OkKMJ6VBw1dWX6r2wMzBNw$qb644wTsGs0b50du/a8Hpfjj7KFGU5AZFiYVCJnpHtI";

export type PasswordAttemptDeps = { sleep?: (ms: number) => Promise<void> };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A signed-in user, with the stamp of the password they signed in with (see session.ts). */
export type SignedIn = Actor & { passwordStamp: number };

/**
 * Before a password is checked for `email` from `address`: refuses (429) when the pair or the
 * address is over its limit, else waits the e-mail's slow-down. Scheme in lib/auth/throttle.ts.
 */
export async function guardPasswordAttempt(
  db: DbTx,
  who: { email: string; address: string | null },
  now: Date,
  deps: PasswordAttemptDeps = {},
): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const failed = { succeeded: false, createdAt: { gte: since } };
  const newest = (ip: string | null, take: number) =>
    db.loginAttempt
      .findMany({ where: { ...failed, email: who.email, ip }, orderBy: { createdAt: "desc" }, take, select: { createdAt: true } })
      .then((rows) => rows.map((r) => r.createdAt));
  const [pair, address, emailFailures] = await Promise.all([
    newest(who.address, THROTTLE.maxFailuresPerPair),
    who.address
      ? db.loginAttempt
          .findMany({ where: { ...failed, ip: who.address }, orderBy: { createdAt: "desc" }, take: THROTTLE.maxFailuresPerAddress, select: { createdAt: true } })
          .then((rows) => rows.map((r) => r.createdAt))
      : Promise.resolve(null),
    db.loginAttempt.count({ where: { ...failed, email: who.email } }),
  ]);
  const verdict = signInVerdict({ pair, address, emailFailures }, now);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    throw new RateLimitedError(
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      verdict.retryAfterSeconds,
    );
  }
  if (verdict.delayMs > 0) await (deps.sleep ?? realSleep)(verdict.delayMs);
}

export async function recordPasswordAttempt(
  db: DbTx,
  attempt: { email: string; address: string | null; succeeded: boolean },
  now: Date,
): Promise<void> {
  await db.loginAttempt.create({ data: { email: attempt.email, ip: attempt.address, succeeded: attempt.succeeded, createdAt: now } });
}

/**
 * Checks an e-mail and password. Throws RateLimitedError when this e-mail from this client
 * address, or this address, has failed too often recently (even if the password is right);
 * failures from elsewhere only slow the attempt down. Else UnauthenticatedError.
 */
export async function signInWithPassword(
  db: DbTx,
  input: { email: unknown; password: unknown; ip?: string | null },
  now = new Date(),
  deps: PasswordAttemptDeps = {},
): Promise<SignedIn> {
  const parsedEmail = emailSchema.safeParse(input.email);
  const password = typeof input.password === "string" ? input.password.slice(0, 256) : "";
  const email = parsedEmail.success ? parsedEmail.data : String(input.email ?? "").slice(0, 254).toLowerCase();
  const address = throttleAddressKey(input.ip);

  await guardPasswordAttempt(db, { email, address }, now, deps);

  const user = parsedEmail.success ? await db.user.findUnique({ where: { email } }) : null;
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const succeeded = Boolean(user && ok && !user.disabledAt);
  await recordPasswordAttempt(db, { email, address, succeeded }, now);
  if (!succeeded || !user) throw new UnauthenticatedError("Wrong e-mail or password.");
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, passwordStamp: passwordStamp(user) };
}
