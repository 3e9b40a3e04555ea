import { createHash } from "node:crypto";
import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { UnavailableError, ValidationError } from "../errors";
import { GENESIS_HASH } from "./chain";
import { toCheckpoint } from "./checkpoint-audit-chain";
import { checkpointProblem, type Checkpoint } from "./checkpoint";
import { auditContent } from "./content";
import { manifestStatement, packLine, PACK_FORMAT, type Manifest, type PackFilter } from "./pack";
import { readChain } from "./read-chain";
import { auditExportQuery } from "./schemas";
import { signText, type SigningKey } from "./signing-key";
import { ChainVerifier } from "./verify-chain";

type CheckpointRow = { seq: bigint; chain_hash: string; key_id: string; signature: string; created_at: Date };

/**
 * An evidence export for a time range and optionally one agent or action type (admins): a
 * single JSON-lines file (lib/audit/pack.ts) produced as it is read, batch by batch, never held
 * in memory. The chain is checked as it is written; a break ends the file with an error line and
 * no signed manifest. Validation and the key come first, so a refusal is an ordinary error.
 */
export async function exportAuditEvents(
  db: DbTx,
  actor: Actor,
  raw: unknown,
  key: SigningKey | null,
  now = new Date(),
): Promise<{ filename: string; lines: AsyncGenerator<string> }> {
  assertRole(actor, "admin", "export the audit log");
  const q = auditExportQuery.parse(raw);
  if (q.from && q.to && q.from >= q.to) throw new ValidationError("The range ends before it starts.", [{ path: "to", message: "must be after from" }]);
  if (!key) throw new UnavailableError("No audit signing key is configured (WARDEN_AUDIT_SIGNING_KEY), so an export could not be signed.");
  let actionTypeId: string | null = null;
  if (q.type) {
    const t = await db.actionType.findUnique({ where: { key: q.type }, select: { id: true } });
    if (!t) throw new ValidationError("No such action type.", [{ path: "type", message: "unknown action type" }]);
    actionTypeId = t.id;
  }
  const filter: PackFilter = { from: q.from?.toISOString() ?? null, to: q.to?.toISOString() ?? null, agentId: q.agent ?? null, actionType: q.type ?? null };
  const from = q.from ?? new Date(0);
  const to = q.to ?? new Date(8.64e15);
  const stamp = now.toISOString().replace(/[-:]/g, "").slice(0, 15);
  return { filename: `warden-audit-${stamp}Z.jsonl`, lines: writeLines(db, key, filter, { from, to, agentId: q.agent ?? null, actionTypeId }, now) };
}

async function* writeLines(
  db: DbTx,
  key: SigningKey,
  filter: PackFilter,
  sel: { from: Date; to: Date; agentId: string | null; actionTypeId: string | null },
  now: Date,
): AsyncGenerator<string> {
  const sha = createHash("sha256");
  let lines = 0;
  const emit = (text: string) => {
    sha.update(text);
    lines++;
    return text;
  };
  const exportedAt = now.toISOString();
  yield emit(packLine({ type: "header", format: PACK_FORMAT, version: 1, exportedAt, filter }));

  const [range] = await db.$queryRaw<{ first: bigint | null; last: bigint | null }[]>`
    SELECT min(c.seq) AS first, max(c.seq) AS last
    FROM audit_chain c JOIN audit_events e ON e.id = c.event_id
    WHERE e.created_at >= ${sel.from} AND e.created_at < ${sel.to}`;
  let manifest: Omit<Manifest, "signature" | "sha256" | "keyId"> = {
    type: "manifest",
    format: PACK_FORMAT,
    version: 1,
    exportedAt,
    filter,
    range: null,
    counts: { events: 0, links: 0, lines: 0 },
    boundary: null,
    anchors: null,
  };
  if (range.first !== null && range.last !== null) {
    const firstSeq = Number(range.first);
    const lastSeq = Number(range.last);
    const [startRow] = await db.$queryRaw<CheckpointRow[]>`
      SELECT seq, chain_hash, key_id, signature, created_at FROM audit_checkpoints WHERE seq < ${firstSeq}::bigint ORDER BY seq DESC LIMIT 1`;
    const [endRow] = await db.$queryRaw<CheckpointRow[]>`
      SELECT seq, chain_hash, key_id, signature, created_at FROM audit_checkpoints WHERE seq >= ${lastSeq}::bigint ORDER BY seq LIMIT 1`;
    const startCp: Checkpoint | null = startRow ? toCheckpoint(startRow) : null;
    const endCp: Checkpoint | null = endRow ? toCheckpoint(endRow) : null;
    const start = startCp ? { seq: startCp.seq, chainHash: startCp.chainHash } : { seq: 0, chainHash: GENESIS_HASH };
    for (const cp of [startCp, endCp]) {
      const problem = cp && checkpointProblem(cp, [key]);
      if (problem) {
        yield emit(packLine({ type: "error", seq: cp!.seq, reason: `the checkpoint at link ${cp!.seq} is not valid: ${problem}` }));
        return;
      }
    }
    yield emit(packLine({ type: "start", seq: start.seq, chainHash: start.chainHash, checkpoint: startCp }));

    const verifier = new ChainVerifier({ seq: start.seq, hash: start.chainHash });
    let events = 0;
    let links = 0;
    let startPrevHash = "";
    let endChainHash = "";
    for await (const e of readChain(db, { afterSeq: start.seq, throughSeq: endCp?.seq ?? lastSeq })) {
      const broken = verifier.push(e);
      if (broken) {
        yield emit(packLine({ type: "error", seq: broken.seq, reason: broken.reason }));
        return;
      }
      if (e.seq === firstSeq) startPrevHash = e.prevHash;
      if (e.seq === lastSeq) endChainHash = e.chainHash;
      const row = e.row!;
      const selected =
        e.seq >= firstSeq &&
        e.seq <= lastSeq &&
        row.created_at >= sel.from &&
        row.created_at < sel.to &&
        (!sel.agentId || row.agent_id === sel.agentId) &&
        (!sel.actionTypeId || row.action_type_id === sel.actionTypeId);
      const link = { seq: e.seq, prevHash: e.prevHash, contentHash: e.contentHash, chainHash: e.chainHash };
      if (selected) {
        events++;
        yield emit(packLine({ type: "event", ...link, eventId: String(row.id), event: auditContent(e.event as Parameters<typeof auditContent>[0]) }));
      } else {
        links++;
        yield emit(packLine({ type: "link", ...link }));
      }
    }
    if (verifier.head.seq !== (endCp?.seq ?? lastSeq)) {
      yield emit(packLine({ type: "error", seq: verifier.head.seq + 1, reason: `link ${verifier.head.seq + 1} is missing` }));
      return;
    }
    if (endCp) {
      if (endCp.chainHash !== verifier.head.hash) {
        yield emit(packLine({ type: "error", seq: endCp.seq, reason: "the chain does not match its signed checkpoint" }));
        return;
      }
      yield emit(packLine({ type: "checkpoint", checkpoint: endCp }));
    }
    manifest = {
      ...manifest,
      range: { firstSeq, lastSeq },
      counts: { events, links, lines: 0 },
      boundary: { startPrevHash, endChainHash },
      anchors: { start, end: endCp ? { seq: endCp.seq, chainHash: endCp.chainHash } : null },
    };
  }
  const unsigned = { ...manifest, counts: { ...manifest.counts, lines }, sha256: sha.digest("hex"), keyId: key.keyId };
  yield packLine({ ...unsigned, signature: signText(key, manifestStatement(unsigned)) });
}
