import type { DbTx } from "./client";

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export type PurgeOptions = { batchSize?: number; maxBatches?: number };

/**
 * Deletes rows whose `column` is before `before`, `batchSize` rows per statement, so a large
 * backlog never holds many row locks or one long transaction. Rows another instance is already
 * deleting are skipped (SKIP LOCKED), so every instance may run this at once. Stops after
 * `maxBatches`; the next run carries on. Returns how many rows went.
 */
export async function purgeRowsBefore(
  db: DbTx,
  target: { table: string; column: string; before: Date },
  opts: PurgeOptions = {},
): Promise<number> {
  const { table, column, before } = target;
  // Identifiers cannot be bound parameters; callers pass constants, checked here all the same.
  if (!IDENTIFIER.test(table) || !IDENTIFIER.test(column)) throw new Error(`Not a plain identifier: ${table}.${column}`);
  const batchSize = opts.batchSize ?? 1000;
  const maxBatches = opts.maxBatches ?? 100;
  // ctid = ANY(ARRAY(...)) is a TID scan: each batch touches exactly the rows it deletes.
  const sql = `DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(
    SELECT ctid FROM "${table}" WHERE "${column}" < $1 LIMIT $2 FOR UPDATE SKIP LOCKED))`;
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const deleted = await db.$executeRawUnsafe(sql, before, batchSize);
    total += deleted;
    if (deleted < batchSize) break;
  }
  return total;
}
