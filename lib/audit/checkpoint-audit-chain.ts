import { withTx, type DbTx } from "../db/client";
import { chainHead, tryAuditLock } from "./chain-audit-events";
import { signCheckpoint, type Checkpoint } from "./checkpoint";
import type { SigningKey } from "./signing-key";

export type CheckpointPolicy = { everyMs: number; everyLinks: number };

/** Default cadence: a minute, or sooner after 10,000 new links (also the most retention deletes at once). */
export const DEFAULT_CHECKPOINTS: CheckpointPolicy = { everyMs: 60_000, everyLinks: 10_000 };

export function checkpointPolicy(env: Record<string, string | undefined> = process.env): CheckpointPolicy {
  return {
    everyMs: Number(env.WARDEN_AUDIT_CHECKPOINT_SECONDS) > 0 ? Number(env.WARDEN_AUDIT_CHECKPOINT_SECONDS) * 1000 : DEFAULT_CHECKPOINTS.everyMs,
    everyLinks: DEFAULT_CHECKPOINTS.everyLinks,
  };
}

export function toCheckpoint(r: { seq: bigint; chain_hash: string; key_id: string; signature: string; created_at: Date }): Checkpoint {
  return { seq: Number(r.seq), chainHash: r.chain_hash, at: r.created_at.toISOString(), keyId: r.key_id, signature: r.signature };
}

export async function lastCheckpoint(db: DbTx): Promise<Checkpoint | null> {
  const rows = await db.$queryRaw<{ seq: bigint; chain_hash: string; key_id: string; signature: string; created_at: Date }[]>`
    SELECT seq, chain_hash, key_id, signature, created_at FROM audit_checkpoints ORDER BY seq DESC LIMIT 1`;
  return rows[0] ? toCheckpoint(rows[0]) : null;
}

/**
 * Signs the chain's head when it moved since the last checkpoint and the policy says it is time
 * (`force`: whenever it moved). Under the chainer's lock, so instances never sign twice at once.
 */
export async function checkpointAuditChain(
  db: DbTx,
  key: SigningKey,
  opts: { now?: Date; policy?: CheckpointPolicy; force?: boolean } = {},
): Promise<Checkpoint | null> {
  const now = opts.now ?? new Date();
  const policy = opts.policy ?? DEFAULT_CHECKPOINTS;
  return withTx(db, async (tx) => {
    if (!(await tryAuditLock(tx))) return null;
    const head = await chainHead(tx);
    if (!head) return null;
    const last = await lastCheckpoint(tx);
    if (last && last.seq >= head.seq) return null;
    const due = opts.force || !last || now.getTime() - new Date(last.at).getTime() >= policy.everyMs || head.seq - last.seq >= policy.everyLinks;
    if (!due) return null;
    const cp = signCheckpoint(key, { seq: head.seq, chainHash: head.chainHash, at: now.toISOString() });
    await tx.$executeRaw`
      INSERT INTO audit_checkpoints (seq, chain_hash, key_id, signature, created_at)
      VALUES (${cp.seq}::bigint, ${cp.chainHash}, ${cp.keyId}, ${cp.signature}, ${now})`;
    return cp;
  });
}
