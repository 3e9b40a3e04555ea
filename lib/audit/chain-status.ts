import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { chainHead } from "./chain-audit-events";
import { lastCheckpoint } from "./checkpoint-audit-chain";
import type { SigningKey } from "./signing-key";

export type AuditChainStatus = {
  head: { seq: number; chainHash: string } | null;
  lastCheckpoint: { seq: number; at: string; keyId: string } | null;
  /** Events written but not linked yet. */
  pending: number;
  /** The configured signing key (its public half is what auditors verify with). */
  keyId: string | null;
};

/** Where the chain stands, for the audit log page. */
export async function getAuditChainStatus(db: DbTx, actor: Actor, key: SigningKey | null): Promise<AuditChainStatus> {
  assertRole(actor, "admin", "read the audit log");
  const head = await chainHead(db);
  const [cp, pending] = await Promise.all([
    lastCheckpoint(db),
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM audit_events e WHERE (e.xact_id, e.id) > (${String(head?.eventXactId ?? 0n)}::bigint, ${String(head?.eventId ?? 0n)}::bigint)`,
  ]);
  return {
    head: head ? { seq: head.seq, chainHash: head.chainHash } : null,
    lastCheckpoint: cp ? { seq: cp.seq, at: cp.at, keyId: cp.keyId } : null,
    pending: Number(pending[0].n),
    keyId: key?.keyId ?? null,
  };
}
