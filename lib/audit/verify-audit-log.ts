import type { DbTx } from "../db/client";
import { chainHead } from "./chain-audit-events";
import { auditContent, contentHash } from "./content";
import { chainBounds, loadCheckpoints, readChain } from "./read-chain";
import { EVENT_COLUMNS, eventFields, type EventRow } from "./rows";
import type { VerifyingKey } from "./signing-key";
import { ChainVerifier, chainStart, type ChainBreak } from "./verify-chain";

export type AuditVerification = {
  ok: boolean;
  /** The first thing that does not hold, in chain order; events not yet linked come last. */
  break: ChainBreak | null;
  links: number;
  firstSeq: number | null;
  lastSeq: number | null;
  checkpoints: { total: number; verified: number; lastSeq: number | null; lastAt: string | null };
  /** Events not linked yet (the chainer links them within seconds). */
  pending: number;
};

/**
 * audit:verify: the whole chain from its start (link 1, or the signed checkpoint retention left),
 * every event's content against its hash, every checkpoint's signature and hash, and the events
 * not linked yet against the hash written with them (docs/audit-log.md#verifying).
 */
export async function verifyAuditLog(
  db: DbTx,
  opts: { keys: VerifyingKey[]; retentionDays: number | null; now?: Date; onProgress?: (links: number) => void },
): Promise<AuditVerification> {
  const checkpoints = await loadCheckpoints(db);
  const bounds = await chainBounds(db);
  const lastCp = [...checkpoints.values()].at(-1) ?? null;
  const result = (b: ChainBreak | null, links: number, verified: number, pending: number): AuditVerification => ({
    ok: b === null,
    break: b,
    links,
    firstSeq: bounds?.first ?? null,
    lastSeq: bounds?.last ?? null,
    checkpoints: { total: checkpoints.size, verified, lastSeq: lastCp?.seq ?? null, lastAt: lastCp?.at ?? null },
    pending,
  });

  let verifier = new ChainVerifier(undefined, checkpoints, opts.keys);
  if (bounds) {
    const start = chainStart(bounds.first, checkpoints, opts.keys, { days: opts.retentionDays, now: opts.now ?? new Date() });
    if ("problem" in start) return result(start.problem, 0, 0, 0);
    verifier = new ChainVerifier(start.start, checkpoints, opts.keys);
    for await (const entry of readChain(db, { afterSeq: start.start.seq })) {
      const b = verifier.push(entry);
      if (b) return result(b, verifier.links, verifier.checkpointsVerified, 0);
      if (verifier.links % 10_000 === 0) opts.onProgress?.(verifier.links);
    }
  }
  const end = verifier.finish();
  if (end) return result(end, verifier.links, verifier.checkpointsVerified, 0);

  // Not linked yet: each must still match the hash its writer computed, and must be newer than
  // the chain's head — an older one can never be linked (it was inserted behind the chainer).
  const head = await chainHead(db);
  let pending = 0;
  let afterId = 0n;
  for (;;) {
    const rows = await db.$queryRawUnsafe<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM audit_events e
       WHERE e.id > $1::bigint AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)
       ORDER BY e.id LIMIT 2000`,
      String(afterId),
    );
    for (const r of rows) {
      pending++;
      const at = (reason: string): ChainBreak => ({ seq: null, eventId: String(r.id), kind: "content", reason, action: r.action, at: r.created_at.toISOString() });
      if (r.content_hash && r.content_hash !== contentHash(auditContent(eventFields(r)))) {
        return result(at("the event (not linked yet) does not match the hash written with it: the row was changed after it was written"), verifier.links, verifier.checkpointsVerified, pending);
      }
      const behind = head && (r.xact_id < head.eventXactId || (r.xact_id === head.eventXactId && r.id < head.eventId));
      if (behind) return result({ ...at("the event is older than the chain's head but not in the chain: it was inserted behind the chainer"), kind: "order" }, verifier.links, verifier.checkpointsVerified, pending);
    }
    if (rows.length < 2000) break;
    afterId = rows[rows.length - 1].id;
  }
  return result(null, verifier.links, verifier.checkpointsVerified, pending);
}
