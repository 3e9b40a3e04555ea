import { withTx, type DbTx } from "../db/client";
import { GENESIS_HASH, linkHash } from "./chain";
import { auditContent, contentHash } from "./content";
import { EVENT_COLUMNS, eventFields, type EventRow } from "./rows";

// The chainer (docs/audit-log.md#order): writers insert events freely, each with its own content
// hash; this job links them into the chain a few seconds later. Safe on every instance at once:
// one holder of the advisory lock links at a time, and seq is the primary key, so even two
// chainers could never both append link n.
//
// Order: by (xact_id, id), and only events whose inserting transactions have all finished —
// xact_id below the snapshot's xmin. An id is taken when a row is inserted, not when it
// commits, so chaining by id could pass over an event whose transaction commits late; below
// xmin no transaction can still add an event, so the order is final.

export const AUDIT_LOCK = [0xa0d1, 1] as const;

export type ChainHead = { seq: number; chainHash: string; eventXactId: bigint; eventId: bigint };

export async function chainHead(db: DbTx): Promise<ChainHead | null> {
  const rows = await db.$queryRaw<{ seq: bigint; chain_hash: string; event_xact_id: bigint; event_id: bigint }[]>`
    SELECT seq, chain_hash, event_xact_id, event_id FROM audit_chain ORDER BY seq DESC LIMIT 1`;
  const r = rows[0];
  return r ? { seq: Number(r.seq), chainHash: r.chain_hash, eventXactId: BigInt(r.event_xact_id), eventId: BigInt(r.event_id) } : null;
}

/** Takes the audit lock for this transaction without waiting; false when another instance holds it. */
export async function tryAuditLock(tx: DbTx): Promise<boolean> {
  const [r] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${AUDIT_LOCK[0]}::int, ${AUDIT_LOCK[1]}::int) AS locked`;
  return r.locked;
}

/**
 * Links every finished, unlinked event, in batches (one transaction each). Returns how many
 * were linked; 0 also when another instance is linking right now.
 */
export async function chainAuditEvents(db: DbTx, opts: { batch?: number; maxBatches?: number } = {}): Promise<number> {
  const batch = opts.batch ?? 2_000;
  let linked = 0;
  for (let i = 0; i < (opts.maxBatches ?? 50); i++) {
    const n = await withTx(db, (tx) => linkBatch(tx, batch));
    linked += n;
    if (n < batch) break;
  }
  return linked;
}

async function linkBatch(tx: DbTx, batch: number): Promise<number> {
  if (!(await tryAuditLock(tx))) return 0;
  const head = await chainHead(tx);
  const rows = await tx.$queryRawUnsafe<EventRow[]>(
    `SELECT ${EVENT_COLUMNS} FROM audit_events e
     WHERE (e.xact_id, e.id) > ($1::bigint, $2::bigint)
       AND e.xact_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
     ORDER BY e.xact_id, e.id
     LIMIT $3::int`,
    String(head?.eventXactId ?? 0n),
    String(head?.eventId ?? 0n),
    batch,
  );
  if (rows.length === 0) return 0;
  let seq = head?.seq ?? 0;
  let prev = head?.chainHash ?? GENESIS_HASH;
  const links = rows.map((r) => {
    // Events written before hashing existed carry none: hashed now, from the row as it is.
    const content = r.content_hash ?? contentHash(auditContent(eventFields(r)));
    seq++;
    const chain = linkHash(seq, prev, content);
    const link = { seq: String(seq), event_id: String(r.id), event_xact_id: String(r.xact_id), content_hash: content, prev_hash: prev, chain_hash: chain };
    prev = chain;
    return link;
  });
  await tx.$executeRawUnsafe(
    `INSERT INTO audit_chain (seq, event_id, event_xact_id, content_hash, prev_hash, chain_hash)
     SELECT seq, event_id, event_xact_id, content_hash, prev_hash, chain_hash
     FROM json_to_recordset($1::json) AS x(seq bigint, event_id bigint, event_xact_id bigint, content_hash text, prev_hash text, chain_hash text)`,
    JSON.stringify(links),
  );
  return rows.length;
}
