import type { DbTx } from "../db/client";
import { RateLimitedError } from "../errors";

/**
 * Counts one request for a key in the current minute, in Postgres (so every app instance
 * shares the count), and throws 429 with Retry-After when the key is over its limit. Old
 * windows are dropped by the jobs (purge-rate-limit-windows.ts), never on the request path.
 */
export async function consumeRateLimit(
  db: DbTx,
  keyId: string,
  perMinute: number,
  now = new Date(),
  what = "for this API key",
): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_windows (key_id, window_start, count) VALUES (${keyId}, ${windowStart}, 1)
    ON CONFLICT (key_id, window_start) DO UPDATE SET count = rate_limit_windows.count + 1
    RETURNING count`;
  const count = Number(rows[0]?.count ?? 0);
  if (count > perMinute) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
    throw new RateLimitedError(`Rate limit of ${perMinute} requests per minute ${what} exceeded.`, retryAfter);
  }
}
