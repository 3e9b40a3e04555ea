import type { DbTx } from "../db/client";
import type { Counts } from "./evidence";
import { COUNT_KEYS, EVIDENCE_COLUMNS } from "./evidence-columns";

/**
 * Counter rows per type and day. Every request, decision and result of a type bumps that type's
 * counters, so with one row per day every such transaction queued on its row lock until the
 * previous one committed. Enough for every connection of a few app instances to bump at once.
 */
export const EVIDENCE_SHARDS = 16;

// Which shard an open transaction writes is marked with a transaction-scoped advisory lock
// (two-int form): key 1 hashes (type, day), key 2 is this range plus the shard. A hash collision
// only makes a free shard look taken; the row lock, not the advisory lock, keeps the sums exact.
const LOCK_RANGE = 0x45760000;

// The first shard whose advisory lock is free, tried without waiting, lowest first so that a
// quiet type keeps one row a day. CASE evaluates its branches in order and stops at the first
// true one, so no shard is locked beyond the one taken. Only when all are held does the bump
// wait, on a random shard (`randomParam`), for its holder to commit. `h.k` is hashShardKey.
export function pickShardSql(randomParam: string): string {
  return `CASE
  ${Array.from({ length: EVIDENCE_SHARDS }, (_, s) => `WHEN pg_try_advisory_xact_lock(h.k, ${LOCK_RANGE + s}) THEN ${s}`).join("\n  ")}
  ELSE (SELECT ${randomParam}::int FROM pg_advisory_xact_lock(h.k, ${LOCK_RANGE} + ${randomParam}::int))
END`;
}

/** The advisory-lock key of a type's day, as `h.k` for pickShardSql. */
export function hashShardKeySql(typeParam: string, dayParam: string): string {
  return `hashtext(${typeParam}::uuid::text || ':' || ${dayParam}::date::text)`;
}

const PICK_SHARD = pickShardSql("$3");

const COLUMNS = COUNT_KEYS.map((k) => EVIDENCE_COLUMNS[k]);
// Column names come from the fixed table, never from input.
const BUMP = `WITH pick AS (
    SELECT ${PICK_SHARD} AS shard FROM (SELECT ${hashShardKeySql("$1", "$2")} AS k) h
  )
  INSERT INTO evidence_daily (action_type_id, day, shard, ${COLUMNS.join(", ")})
  SELECT $1::uuid, $2::date, pick.shard, ${COLUMNS.map((_, i) => `$${i + 4}::int`).join(", ")} FROM pick
  ON CONFLICT (action_type_id, day, shard) DO UPDATE SET ${COLUMNS.map((c) => `${c} = evidence_daily.${c} + EXCLUDED.${c}`).join(", ")}`;

/**
 * Adds to a type's evidence counters for the day; call in the transaction of the event counted.
 * Lands on a shard no other open transaction is writing, so it does not wait for them.
 */
export async function bumpEvidence(tx: DbTx, actionTypeId: string, delta: Partial<Counts>, at = new Date()): Promise<void> {
  await tx.$executeRawUnsafe(
    BUMP,
    actionTypeId,
    at.toISOString().slice(0, 10),
    Math.floor(Math.random() * EVIDENCE_SHARDS),
    ...COUNT_KEYS.map((k) => delta[k] ?? 0),
  );
}

/** The counters a human review adds: accepted (unedited), edited or rejected, and edit size. */
export function reviewDelta(verdict: "accepted" | "edited" | "rejected", editSize = 0): Partial<Counts> {
  return { reviewed: 1, [verdict]: 1, editSizeSum: verdict === "edited" ? editSize : 0 };
}
