import type { Db } from "../db/client";
import { RateLimitedError, UnauthenticatedError } from "../errors";
import { emailSchema } from "../users/schemas";
import { verifyPassword } from "./password";
import type { Actor } from "./roles";
import { THROTTLE, throttleVerdict } from "./throttle";

// A hash of a random password, compared when the e-mail is unknown so both paths cost the same.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$OkKMJ6VBw1dWX6r2wMzBNw$qb644wTsGs0b50du/a8Hpfjj7KFGU5AZFiYVCJnpHtI";

/**
 * Checks an e-mail and password. Throws RateLimitedError after too many recent failures for
 * the e-mail or the client address (even if the password is right), else UnauthenticatedError.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: unknown; password: unknown; ip?: string | null },
  now = new Date(),
): Promise<Actor> {
  const parsedEmail = emailSchema.safeParse(input.email);
  const password = typeof input.password === "string" ? input.password.slice(0, 256) : "";
  const email = parsedEmail.success ? parsedEmail.data : String(input.email ?? "").slice(0, 254).toLowerCase();
  const ip = input.ip?.slice(0, 64) ?? null;

  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.findMany({ where: { email, succeeded: false, createdAt: { gte: since } }, select: { createdAt: true } }),
    ip
      ? db.loginAttempt.findMany({ where: { ip, succeeded: false, createdAt: { gte: since } }, select: { createdAt: true } })
      : Promise.resolve([]),
  ]);
  for (const [rows, max] of [[byEmail, THROTTLE.maxFailuresPerEmail], [byIp, THROTTLE.maxFailuresPerIp]] as const) {
    const verdict = throttleVerdict(rows.map((r) => r.createdAt), max, now);
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      throw new RateLimitedError(
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        verdict.retryAfterSeconds,
      );
    }
  }

  const user = parsedEmail.success ? await db.user.findUnique({ where: { email } }) : null;
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const succeeded = Boolean(user && ok && !user.disabledAt);
  await db.loginAttempt.create({ data: { email, ip, succeeded, createdAt: now } });
  if (!succeeded || !user) throw new UnauthenticatedError("Wrong e-mail or password.");
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
