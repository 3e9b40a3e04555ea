import { sha256Hex } from "../sdk/canonical-json";

// The hash chain's arithmetic (docs/audit-log.md#the-chain). Shared by the chainer, audit:verify,
// the evidence export and audit:verify-pack, which runs offline with nothing but this and the key.

/** The previous hash of the very first link. */
export const GENESIS_HASH = "0".repeat(64);

/** chain_hash of link `seq`: SHA-256 of "warden.audit.v1|<seq>|<prev_hash>|<content_hash>". */
export function linkHash(seq: bigint | number | string, prevHash: string, contentHash: string): string {
  return sha256Hex(`warden.audit.v1|${String(seq)}|${prevHash}|${contentHash}`);
}

export const HASH_RE = /^[0-9a-f]{64}$/;
