import { canonicalJson } from "../sdk/canonical-json";
import type { Checkpoint } from "./checkpoint";
import type { AuditContent } from "./content";

// The evidence export's file format (docs/audit-log.md#evidence-export): JSON lines, each the
// canonical JSON of one record, "\n" after each. In order: a header; the start anchor (the
// genesis, or a signed checkpoint at or before the range); one line per link from there on —
// the whole event for those the export selected, the hashes only for the others, so the chain
// can be followed end to end; the end anchor (the first checkpoint at or after the range, when
// one exists yet); and last the manifest, signed, with the SHA-256 of every byte before it.

export const PACK_FORMAT = "warden-audit-export";
export const PACK_VERSION = 1;

export type PackFilter = { from: string | null; to: string | null; agentId: string | null; actionType: string | null };

export type HeaderLine = { type: "header"; format: typeof PACK_FORMAT; version: 1; exportedAt: string; filter: PackFilter };
export type StartLine = { type: "start"; seq: number; chainHash: string; checkpoint: Checkpoint | null };
export type LinkLine = { type: "link"; seq: number; prevHash: string; contentHash: string; chainHash: string };
export type EventLine = { type: "event"; seq: number; eventId: string; prevHash: string; contentHash: string; chainHash: string; event: AuditContent };
export type CheckpointLine = { type: "checkpoint"; checkpoint: Checkpoint };
export type ErrorLine = { type: "error"; seq: number | null; reason: string };

export type Manifest = {
  type: "manifest";
  format: typeof PACK_FORMAT;
  version: 1;
  exportedAt: string;
  filter: PackFilter;
  /** The links whose time falls in the filter's range; null when there are none. */
  range: { firstSeq: number; lastSeq: number } | null;
  counts: { events: number; links: number; lines: number };
  /** The chain's hash just before the range, and at its end. */
  boundary: { startPrevHash: string; endChainHash: string } | null;
  anchors: { start: { seq: number; chainHash: string }; end: { seq: number; chainHash: string } | null } | null;
  /** SHA-256 of all bytes before the manifest line. */
  sha256: string;
  keyId: string;
  /** Ed25519 over the canonical JSON of the manifest without this field. */
  signature: string;
};

export type PackLine = HeaderLine | StartLine | LinkLine | EventLine | CheckpointLine | ErrorLine | Manifest;

export const packLine = (record: PackLine | Omit<Manifest, "signature">) => `${canonicalJson(record)}\n`;

/** The text the manifest's signature covers. */
export function manifestStatement(m: Omit<Manifest, "signature"> | Manifest): string {
  const rest: Record<string, unknown> = { ...m };
  delete rest.signature;
  return canonicalJson(rest);
}
