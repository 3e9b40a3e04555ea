import type { DbTx } from "../db/client";
import { purgeRowsBefore, type PurgeOptions } from "../db/purge-in-batches";
import { LIMITS } from "./limits";

/** Drops Idempotency-Key records past their retention, in batches (see purgeRowsBefore). */
export function purgeIdempotencyRecords(db: DbTx, now = new Date(), opts?: PurgeOptions): Promise<number> {
  const before = new Date(now.getTime() - LIMITS.idempotencyRetentionHours * 3600_000);
  return purgeRowsBefore(db, { table: "idempotency_records", column: "created_at", before }, opts);
}
