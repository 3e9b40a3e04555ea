import type { DbTx } from "../db/client";
import { toCheckpoint } from "./checkpoint-audit-chain";
import type { Checkpoint } from "./checkpoint";
import { EVENT_COLUMNS, eventFields, type EventRow } from "./rows";
import type { ChainEntry } from "./verify-chain";

// Reads the chain in seq order, in batches, each link with its event (null when the row is gone).

type LinkRow = { seq: bigint; event_id: bigint; link_content_hash: string; prev_hash: string; chain_hash: string } & Partial<EventRow> & { e_id: bigint | null };

export type StoredEntry = ChainEntry & { row: EventRow | null };

export async function* readChain(db: DbTx, from: { afterSeq: number; throughSeq?: number }, batch = 2_000): AsyncGenerator<StoredEntry> {
  let after = from.afterSeq;
  const through = from.throughSeq ?? Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await db.$queryRawUnsafe<LinkRow[]>(
      `SELECT c.seq, c.event_id, c.content_hash AS link_content_hash, c.prev_hash, c.chain_hash, e.id AS e_id, ${EVENT_COLUMNS.replace("e.id, ", "")}
       FROM audit_chain c LEFT JOIN audit_events e ON e.id = c.event_id
       WHERE c.seq > $1::bigint AND c.seq <= $2::bigint
       ORDER BY c.seq LIMIT $3::int`,
      String(after),
      String(through),
      batch,
    );
    for (const r of rows) {
      const row = r.e_id === null ? null : ({ ...r, id: r.e_id } as EventRow);
      yield {
        seq: Number(r.seq),
        eventId: String(r.event_id),
        contentHash: r.link_content_hash,
        prevHash: r.prev_hash,
        chainHash: r.chain_hash,
        event: row ? eventFields(row) : null,
        storedContentHash: row?.content_hash ?? null,
        row,
      };
    }
    if (rows.length < batch) return;
    after = Number(rows[rows.length - 1].seq);
  }
}

export async function loadCheckpoints(db: DbTx): Promise<Map<number, Checkpoint>> {
  const rows = await db.$queryRaw<{ seq: bigint; chain_hash: string; key_id: string; signature: string; created_at: Date }[]>`
    SELECT seq, chain_hash, key_id, signature, created_at FROM audit_checkpoints ORDER BY seq`;
  return new Map(rows.map((r) => [Number(r.seq), toCheckpoint(r)]));
}

export async function chainBounds(db: DbTx): Promise<{ first: number; last: number } | null> {
  const [r] = await db.$queryRaw<{ first: bigint | null; last: bigint | null }[]>`SELECT min(seq) AS first, max(seq) AS last FROM audit_chain`;
  return r.first === null ? null : { first: Number(r.first), last: Number(r.last) };
}
