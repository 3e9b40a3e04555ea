import { purgeIdempotencyRecords } from "../api/purge-idempotency-records";
import { purgeRateLimitWindows } from "../api/purge-rate-limit-windows";
import { purgeLoginAttempts } from "../auth/purge-login-attempts";
import type { DbTx } from "../db/client";
import type { PurgeOptions } from "../db/purge-in-batches";

/**
 * Drops the bookkeeping rows nothing reads any more: sign-in attempts (kept a day), rate-limit
 * windows (ten minutes) and Idempotency-Key records (their retention). One after the other, so
 * a run holds at most one small batch of locks at a time.
 */
export async function purgeBookkeeping(db: DbTx, now = new Date(), opts?: PurgeOptions) {
  const loginAttempts = await purgeLoginAttempts(db, now, opts);
  const rateLimitWindows = await purgeRateLimitWindows(db, now, opts);
  const idempotencyRecords = await purgeIdempotencyRecords(db, now, opts);
  return { loginAttempts, rateLimitWindows, idempotencyRecords };
}
