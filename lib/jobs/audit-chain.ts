import { auditRetentionDays, chainAuditEvents, checkpointAuditChain, checkpointPolicy, loadSigningKey, pruneAuditEvents, type SigningKey } from "../audit";
import type { DbTx } from "../db/client";
import { logger } from "../observability";

let key: SigningKey | null | undefined;
let warned = false;

function signingKey(): SigningKey | null {
  if (key === undefined) key = loadSigningKey();
  if (!key && !warned) {
    warned = true;
    logger.warn("no audit signing key (WARDEN_AUDIT_SIGNING_KEY): the audit chain is linked but no checkpoint is signed");
  }
  return key;
}

/** The audit-chain job: link what is new, then sign a checkpoint when one is due. */
export async function maintainAuditChain(db: DbTx): Promise<{ linked: number; checkpoint: number | null }> {
  const linked = await chainAuditEvents(db);
  const k = signingKey();
  const cp = k ? await checkpointAuditChain(db, k, { policy: checkpointPolicy() }) : null;
  return { linked, checkpoint: cp?.seq ?? null };
}

/** The retention job: nothing unless WARDEN_AUDIT_RETENTION_DAYS is set. */
export async function pruneAuditLog(db: DbTx) {
  const days = auditRetentionDays();
  return days ? pruneAuditEvents(db, days) : null;
}
