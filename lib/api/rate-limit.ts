import type { DbTx } from "../db/client";
import { RateLimitedError } from "../errors";

// Requests per key per minute, counted in Postgres (so every app instance shares the count) with
// one upsert per request. The agent's hot path folds the same upsert into the statement that
// records its action (lib/actions/commit-action-request.ts); these helpers keep the rule in one
// place. Old windows are dropped by the jobs (purge-rate-limit-windows.ts), never on the request path.

export function rateWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

/** The 429 for a key that has gone over its limit in the window containing `now`. */
export function rateLimited(perMinute: number, now: Date, what = "for this API key"): RateLimitedError {
  const retryAfter = Math.max(1, Math.ceil((rateWindowStart(now).getTime() + 60_000 - now.getTime()) / 1000));
  return new RateLimitedError(`Rate limit of ${perMinute} requests per minute ${what} exceeded.`, retryAfter);
}

/** Counts one request for a key in the current minute and throws 429 with Retry-After above the limit. */
export async function consumeRateLimit(
  db: DbTx,
  keyId: string,
  perMinute: number,
  now = new Date(),
  what = "for this API key",
): Promise<void> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_windows (key_id, window_start, count) VALUES (${keyId}, ${rateWindowStart(now)}, 1)
    ON CONFLICT (key_id, window_start) DO UPDATE SET count = rate_limit_windows.count + 1
    RETURNING count`;
  if (Number(rows[0]?.count ?? 0) > perMinute) throw rateLimited(perMinute, now, what);
}
