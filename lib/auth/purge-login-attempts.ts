import type { DbTx } from "../db/client";
import { purgeRowsBefore, type PurgeOptions } from "../db/purge-in-batches";
import { THROTTLE } from "./throttle";

/** Drops sign-in attempts older than the retention (a day; far longer than any throttle window). */
export function purgeLoginAttempts(db: DbTx, now = new Date(), opts?: PurgeOptions): Promise<number> {
  return purgeRowsBefore(db, { table: "login_attempts", column: "created_at", before: new Date(now.getTime() - THROTTLE.retentionMs) }, opts);
}
