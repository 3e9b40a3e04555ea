import { canonicalJson } from "../sdk/canonical-json";
import { signText, verifyText, type SigningKey, type VerifyingKey } from "./signing-key";

// A checkpoint signs "the chain's hash at seq is chainHash, as of at" (docs/audit-log.md#checkpoints).

export type Checkpoint = { seq: number; chainHash: string; at: string; keyId: string; signature: string };

/** The exact text a checkpoint's signature covers. */
export function checkpointStatement(c: { seq: number; chainHash: string; at: string }): string {
  return canonicalJson({ type: "warden.audit.checkpoint", v: 1, seq: c.seq, chainHash: c.chainHash, at: c.at });
}

export function signCheckpoint(key: SigningKey, c: { seq: number; chainHash: string; at: string }): Checkpoint {
  return { ...c, keyId: key.keyId, signature: signText(key, checkpointStatement(c)) };
}

/** Null when the signature holds under one of the trusted keys, else why not. */
export function checkpointProblem(c: Checkpoint, keys: VerifyingKey[]): string | null {
  const key = keys.find((k) => k.keyId === c.keyId);
  if (!key) return `signed by key ${c.keyId}, which is not a trusted key`;
  return verifyText(key, checkpointStatement(c), c.signature) ? null : "its signature does not verify";
}
