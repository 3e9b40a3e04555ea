import { TtlCache } from "../cache/ttl-cache";
import type { DbTx } from "../db/client";
import type { ActionType } from "../generated/prisma/client";

// Action types by key for the hot path (POST /api/v1/actions). Every change to a type bumps its
// version (a trigger guarantees it), and the statement that records an action proves the version
// it was decided on is still current, so a stale entry costs one re-read, never a wrong decision.
const g = globalThis as unknown as { __wardenTypeCache?: TtlCache<string, ActionType> };
const cache = (g.__wardenTypeCache ??= new TtlCache<string, ActionType>(30_000, 10_000));

/** The type for a key from this instance's cache, else the database; null when never seen. */
export async function cachedActionType(db: DbTx, key: string, opts: { fresh?: boolean } = {}): Promise<ActionType | null> {
  const hit = opts.fresh ? undefined : cache.get(key);
  if (hit) return hit;
  const row = await db.actionType.findUnique({ where: { key } });
  if (row) cache.set(key, row);
  else cache.delete(key);
  return row;
}

export function forgetActionType(key: string): void {
  cache.delete(key);
}
