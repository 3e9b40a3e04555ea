import { withTx, type DbTx } from "../db/client";
import { tryAuditLock } from "./chain-audit-events";
import { recordAuditEvent } from "./record-audit-event";

/** WARDEN_AUDIT_RETENTION_DAYS: unset or 0 keeps the audit log forever. */
export function auditRetentionDays(env: Record<string, string | undefined> = process.env): number | null {
  const n = Number(env.WARDEN_AUDIT_RETENTION_DAYS);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * Retention (docs/audit-log.md#retention): deletes the oldest events and their links, always
 * through a signed checkpoint older than the retention period, so the remaining chain starts
 * right after a checkpoint that proves its first previous-hash. One transaction per checkpoint
 * interval (at most ~10,000 links), under the chainer's lock; never the chain's last link, so
 * the chainer keeps its place. The pruning itself is an audit event.
 */
export async function pruneAuditEvents(db: DbTx, days: number, now = new Date(), maxSteps = 20): Promise<{ events: number; throughSeq: number | null }> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let events = 0;
  let throughSeq: number | null = null;
  for (let step = 0; step < maxSteps; step++) {
    const done = await withTx(db, async (tx) => {
      if (!(await tryAuditLock(tx))) return null;
      // The next checkpoint after the current start, signed before the cutoff, below the head.
      const [cp] = await tx.$queryRaw<{ seq: bigint; chain_hash: string }[]>`
        SELECT k.seq, k.chain_hash FROM audit_checkpoints k
        WHERE k.created_at < ${cutoff}
          AND k.seq >= (SELECT min(seq) FROM audit_chain)
          AND k.seq < (SELECT max(seq) FROM audit_chain)
        ORDER BY k.seq LIMIT 1`;
      if (!cp) return null;
      await tx.$queryRaw`SELECT set_config('warden.audit_retention', 'on', true) AS v`;
      const deleted = await tx.$executeRaw`
        DELETE FROM audit_events WHERE id IN (SELECT event_id FROM audit_chain WHERE seq <= ${cp.seq}::bigint)`;
      await tx.$executeRaw`DELETE FROM audit_chain WHERE seq <= ${cp.seq}::bigint`;
      await tx.$queryRaw`SELECT set_config('warden.audit_retention', 'off', true) AS v`;
      await recordAuditEvent(tx, {
        actor: { type: "system" },
        action: "audit.pruned",
        targetType: "audit_log",
        after: { throughSeq: Number(cp.seq), events: deleted, startsAfterCheckpoint: { seq: Number(cp.seq), chainHash: cp.chain_hash }, retentionDays: days },
      });
      return { deleted, seq: Number(cp.seq) };
    });
    if (!done) break;
    events += done.deleted;
    throughSeq = done.seq;
  }
  return { events, throughSeq };
}
