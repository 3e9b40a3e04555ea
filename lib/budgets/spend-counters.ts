import type { DbTx } from "../db/client";

// Spend per agent and UTC hour (agent_spend_hourly), bumped in each span batch's transaction.
// Like the evidence counters (lib/autonomy/bump-evidence.ts), an hour is split into shard rows
// so concurrent batches of one agent do not queue on one row lock: a transaction takes the first
// shard whose transaction-scoped advisory lock is free, without waiting; only when all are held
// does it wait on a random one. Each bump is an atomic increment of one row, so the sums stay
// exact however many batches on however many instances run at once; readers sum the shards.

export const SPEND_SHARDS = 16;
const LOCK_RANGE = 0x53500000; // distinct from the evidence counters' range

const PICK_SHARD = `CASE
  ${Array.from({ length: SPEND_SHARDS }, (_, s) => `WHEN pg_try_advisory_xact_lock(h.k, ${LOCK_RANGE + s}) THEN ${s}`).join("\n  ")}
  ELSE (SELECT $3::int FROM pg_advisory_xact_lock(h.k, ${LOCK_RANGE} + $3::int))
END`;

// One statement: bump a shard and return the hour's and the day's totals including this bump.
// The sums read the other rows as of the statement's start; the bumped row's new value comes
// from RETURNING, so it is excluded from the sums and added back.
const BUMP = `WITH h AS (
    SELECT hashtext($1::text || ':' || extract(epoch FROM $2::timestamptz)::bigint::text) AS k
  ), pick AS (
    SELECT ${PICK_SHARD} AS shard FROM h
  ), up AS (
    INSERT INTO agent_spend_hourly (agent_id, hour, shard, cost_micros, tokens)
    SELECT $1::uuid, $2::timestamptz, pick.shard, $4::bigint, $5::bigint FROM pick
    ON CONFLICT (agent_id, hour, shard) DO UPDATE SET cost_micros = agent_spend_hourly.cost_micros + EXCLUDED.cost_micros,
                                                      tokens = agent_spend_hourly.tokens + EXCLUDED.tokens
    RETURNING shard, cost_micros
  )
  SELECT up.cost_micros + COALESCE((SELECT sum(s.cost_micros) FROM agent_spend_hourly s
                                    WHERE s.agent_id = $1::uuid AND s.hour = $2::timestamptz AND s.shard <> up.shard), 0)::bigint AS hour_micros,
         up.cost_micros + COALESCE((SELECT sum(s.cost_micros) FROM agent_spend_hourly s
                                    WHERE s.agent_id = $1::uuid AND s.hour >= $6::timestamptz AND s.hour < $6::timestamptz + interval '1 day'
                                      AND NOT (s.hour = $2::timestamptz AND s.shard = up.shard)), 0)::bigint AS day_micros
  FROM up`;

export const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
export const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / 86_400_000) * 86_400_000);

export type SpendNow = { hourMicros: bigint; dayMicros: bigint };

/** Adds a batch's cost and tokens to the agent's hour; returns the hour's and the day's spend. */
export async function bumpSpend(tx: DbTx, agentId: string, costMicros: bigint, tokens: bigint, at: Date): Promise<SpendNow> {
  const rows = await tx.$queryRawUnsafe<{ hour_micros: bigint; day_micros: bigint }[]>(
    BUMP,
    agentId,
    hourOf(at).toISOString(),
    Math.floor(Math.random() * SPEND_SHARDS),
    costMicros.toString(),
    tokens.toString(),
    dayOf(at).toISOString(),
  );
  return { hourMicros: BigInt(rows[0].hour_micros), dayMicros: BigInt(rows[0].day_micros) };
}

/** An agent's spend this hour and today (UTC), summed over the shards. */
export async function readSpend(db: DbTx, agentId: string, at = new Date()): Promise<SpendNow> {
  const rows = await db.$queryRaw<{ hour_micros: bigint; day_micros: bigint }[]>`
    SELECT COALESCE(sum(cost_micros) FILTER (WHERE hour = ${hourOf(at)}), 0)::bigint AS hour_micros,
           COALESCE(sum(cost_micros), 0)::bigint AS day_micros
    FROM agent_spend_hourly
    WHERE agent_id = ${agentId}::uuid AND hour >= ${dayOf(at)} AND hour < ${new Date(dayOf(at).getTime() + 86_400_000)}`;
  return { hourMicros: BigInt(rows[0]?.hour_micros ?? 0), dayMicros: BigInt(rows[0]?.day_micros ?? 0) };
}
