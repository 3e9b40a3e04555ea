export { recordAuditEvent, recordAuditEvents, auditEventFields, type AuditActor, type AuditEventInput, type AuditReceipt } from "./record-audit-event";
export { auditContent, contentHash, type AuditContent } from "./content";
export { GENESIS_HASH, linkHash } from "./chain";
export { chainAuditEvents, chainHead } from "./chain-audit-events";
export { checkpointAuditChain, checkpointPolicy, lastCheckpoint } from "./checkpoint-audit-chain";
export { verifyAuditLog, type AuditVerification } from "./verify-audit-log";
export { ChainVerifier, chainStart, type ChainBreak, type ChainEntry } from "./verify-chain";
export { pruneAuditEvents, auditRetentionDays } from "./prune-audit-events";
export { exportAuditEvents } from "./export-audit-events";
export { verifyPack, type PackVerification } from "./verify-pack";
export { listAuditEvents, type AuditLogPage, type AuditRow } from "./list-audit-events";
export { getAuditChainStatus, type AuditChainStatus } from "./chain-status";
export {
  ensureSigningKey,
  loadSigningKey,
  publicKeyPem,
  signingKeyFromPem,
  verifyingKeyFromPem,
  generateSigningKeyPem,
  type SigningKey,
  type VerifyingKey,
} from "./signing-key";
export * from "./schemas";
