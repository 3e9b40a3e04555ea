import type { AuditReceipt } from "../audit";
import type { DbTx } from "../db/client";
import { payloadDigest } from "../sdk/canonical-json";

/**
 * The receipt of a decision about an action type itself — a policy edit, a level change, a kill
 * switch: the version it was made under and the digest of that version's settings, exactly as
 * action_type_versions keeps them (docs/audit-log.md#receipts).
 */
export async function policyReceipt(tx: DbTx, actionTypeId: string, version: number): Promise<AuditReceipt> {
  const v = await tx.actionTypeVersion.findUnique({ where: { actionTypeId_version: { actionTypeId, version } }, select: { settings: true } });
  return { policyVersion: version, payloadDigest: v ? payloadDigest(v.settings) : null };
}
