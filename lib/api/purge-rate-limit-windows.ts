import type { DbTx } from "../db/client";
import { purgeRowsBefore, type PurgeOptions } from "../db/purge-in-batches";

/** Windows last a minute; ten minutes on, nothing reads them any more. */
export const RATE_LIMIT_WINDOW_RETENTION_MS = 10 * 60_000;

/** Drops finished rate-limit windows (run by the jobs, so the request path never deletes). */
export function purgeRateLimitWindows(db: DbTx, now = new Date(), opts?: PurgeOptions): Promise<number> {
  return purgeRowsBefore(
    db,
    { table: "rate_limit_windows", column: "window_start", before: new Date(now.getTime() - RATE_LIMIT_WINDOW_RETENTION_MS) },
    opts,
  );
}
