import { GENESIS_HASH, linkHash } from "./chain";
import { checkpointProblem, type Checkpoint } from "./checkpoint";
import { auditContent, contentHash, type AuditContent, type AuditEventFields } from "./content";
import type { VerifyingKey } from "./signing-key";

// Walks the chain link by link and names the first thing that does not hold
// (docs/audit-log.md#verifying). Pure: audit:verify feeds it rows from the database, the evidence
// export feeds it what it writes, audit:verify-pack what it reads from the file.

export type ChainEntry = {
  seq: number;
  eventId: string | null;
  contentHash: string;
  prevHash: string;
  chainHash: string;
  /**
   * The event itself: its content is hashed again. `undefined` when only the link is at hand
   * (an export's lines for events outside its filter); `null` when the event should be there
   * and is not (a deleted row).
   */
  event?: AuditContent | AuditEventFields | null;
  /** The content hash stored on the event row by its writer, when known. */
  storedContentHash?: string | null;
};

export type ChainBreak = {
  seq: number | null;
  eventId: string | null;
  kind: "content" | "link" | "missing" | "order" | "start" | "checkpoint";
  reason: string;
  /** What the broken event says it is, to name it to a person. */
  action?: string;
  at?: string;
};

const isContent = (e: AuditContent | AuditEventFields): e is AuditContent => (e as AuditContent).v === 1 && "actor" in e;

export class ChainVerifier {
  private expectedSeq: number;
  private prev: string;
  links = 0;
  checkpointsVerified = 0;

  /** `start`: the link before the first one to come (seq 0 and the genesis hash for a whole chain). */
  constructor(
    start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
    private readonly checkpoints: Map<number, Checkpoint> = new Map(),
    private readonly keys: VerifyingKey[] = [],
  ) {
    this.expectedSeq = start.seq + 1;
    this.prev = start.hash;
  }

  get head(): { seq: number; hash: string } {
    return { seq: this.expectedSeq - 1, hash: this.prev };
  }

  /** Checks the next link; returns the break it shows, or null. Stop at the first break. */
  push(e: ChainEntry): ChainBreak | null {
    const content = e.event ? (isContent(e.event) ? e.event : auditContent(e.event)) : null;
    const at = (kind: ChainBreak["kind"], reason: string): ChainBreak => ({
      seq: e.seq,
      eventId: e.eventId,
      kind,
      reason,
      ...(content ? { action: content.action, at: content.at } : {}),
    });
    if (e.seq < this.expectedSeq) return at("order", `link ${e.seq} comes after link ${this.expectedSeq - 1}: the links are out of order`);
    if (e.seq > this.expectedSeq) {
      const missing = e.seq - this.expectedSeq === 1 ? `link ${this.expectedSeq} is` : `links ${this.expectedSeq}–${e.seq - 1} are`;
      return { ...at("missing", `${missing} missing here: deleted from the chain, or moved`), seq: this.expectedSeq, eventId: null };
    }
    if (e.prevHash !== this.prev) {
      return at("link", `its previous hash is not the hash of link ${e.seq - 1}: an event was removed, inserted or moved here`);
    }
    if (e.event === null) return at("missing", `its event (id ${e.eventId}) is missing: the row was deleted`);
    if (content) {
      const actual = contentHash(content);
      if (e.storedContentHash && e.storedContentHash !== actual) {
        return at("content", "the event's content does not match the hash written with it: the row was changed after it was written");
      }
      if (e.contentHash !== actual) return at("content", "the event's content does not match the hash chained for it: the row was changed or swapped after it was chained");
    }
    if (linkHash(e.seq, e.prevHash, e.contentHash) !== e.chainHash) return at("link", "the link's own hash is wrong: the link was rewritten");
    const cp = this.checkpoints.get(e.seq);
    if (cp) {
      const problem = checkpointProblem(cp, this.keys);
      if (problem) return at("checkpoint", `the checkpoint at this link is not valid: ${problem}`);
      if (cp.chainHash !== e.chainHash) {
        return at("checkpoint", `the chain no longer matches the checkpoint signed ${cp.at}: history up to here was rewritten`);
      }
      this.checkpointsVerified++;
    }
    this.expectedSeq++;
    this.prev = e.chainHash;
    this.links++;
    return null;
  }

  /** After the last link: a checkpoint beyond it means links at the end were deleted. */
  finish(): ChainBreak | null {
    const beyond = [...this.checkpoints.keys()].filter((s) => s >= this.expectedSeq).sort((a, b) => a - b)[0];
    if (beyond === undefined) return null;
    return {
      seq: this.expectedSeq,
      eventId: null,
      kind: "missing",
      reason: `the chain ends at link ${this.expectedSeq - 1}, but a checkpoint signed link ${beyond}: the links after ${this.expectedSeq - 1} were deleted`,
    };
  }
}

/**
 * Where a chain that does not begin at link 1 may begin: right after a valid signed checkpoint,
 * older than the retention period (pruning leaves one as the new start).
 */
export function chainStart(
  firstSeq: number,
  checkpoints: Map<number, Checkpoint>,
  keys: VerifyingKey[],
  retention: { days: number | null; now: Date },
): { start: { seq: number; hash: string } } | { problem: ChainBreak } {
  if (firstSeq === 1) return { start: { seq: 0, hash: GENESIS_HASH } };
  const cp = checkpoints.get(firstSeq - 1);
  const broken = (reason: string) => ({ problem: { seq: firstSeq - 1, eventId: null, kind: "start" as const, reason } });
  if (!cp) return broken(`the chain begins at link ${firstSeq} with no signed checkpoint at link ${firstSeq - 1}: its first events were deleted`);
  const problem = checkpointProblem(cp, keys);
  if (problem) return broken(`the chain begins after the checkpoint at link ${cp.seq}, which is not valid: ${problem}`);
  if (retention.days === null) return broken(`the chain begins after link ${cp.seq}, but retention is off: events were deleted`);
  const cutoff = retention.now.getTime() - retention.days * 86_400_000;
  if (new Date(cp.at).getTime() > cutoff) {
    return broken(`the chain begins after the checkpoint at link ${cp.seq} signed ${cp.at}, within the ${retention.days}-day retention period: events were deleted early`);
  }
  return { start: { seq: cp.seq, hash: cp.chainHash } };
}
