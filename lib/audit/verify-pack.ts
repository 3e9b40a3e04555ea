import { createHash } from "node:crypto";
import { GENESIS_HASH, HASH_RE } from "./chain";
import { checkpointProblem } from "./checkpoint";
import { canonicalJson } from "../sdk/canonical-json";
import { manifestStatement, PACK_FORMAT, type Manifest, type PackLine } from "./pack";
import { verifyText, type VerifyingKey } from "./signing-key";
import { ChainVerifier } from "./verify-chain";

// audit:verify-pack: checks an evidence export with nothing but the file and the public key
// (docs/audit-log.md#evidence-export). Every byte before the manifest is covered by its SHA-256,
// the manifest by its signature; the links are followed from the start anchor to the end, every
// exported event is hashed again, and both anchors' checkpoints must verify.

export type PackVerification =
  | { ok: true; events: number; links: number; range: Manifest["range"]; filter: Manifest["filter"]; exportedAt: string; endAnchored: boolean }
  | { ok: false; line: number; reason: string };

/** Splits a byte stream on "\n", keeping each line's exact bytes. */
async function* rawLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let rest = Buffer.alloc(0);
  for await (const chunk of chunks) {
    rest = rest.length ? Buffer.concat([rest, Buffer.from(chunk)]) : Buffer.from(chunk);
    let nl: number;
    while ((nl = rest.indexOf(0x0a)) !== -1) {
      yield rest.subarray(0, nl + 1);
      rest = rest.subarray(nl + 1);
    }
  }
  if (rest.length) yield rest;
}

export async function verifyPack(chunks: AsyncIterable<Uint8Array>, key: VerifyingKey): Promise<PackVerification> {
  const sha = createHash("sha256");
  let n = 0;
  const fail = (reason: string): PackVerification => ({ ok: false, line: n, reason });
  let verifier: ChainVerifier | null = null;
  let manifest: Manifest | null = null;
  let start: { seq: number; chainHash: string } | null = null;
  let end: { seq: number; chainHash: string } | null = null;
  let events = 0;
  let links = 0;
  const seen = new Map<number, { prevHash: string; chainHash: string }>();
  for await (const raw of rawLines(chunks)) {
    n++;
    if (manifest) return fail("there is more after the manifest");
    if (raw[raw.length - 1] !== 0x0a) return fail("the last line is cut off (no newline): the file is truncated");
    let rec: PackLine;
    try {
      rec = JSON.parse(raw.toString("utf8")) as PackLine;
    } catch {
      return fail("not a JSON line");
    }
    if (n === 1 && (rec.type !== "header" || rec.format !== PACK_FORMAT || rec.version !== 1)) return fail(`not a ${PACK_FORMAT} file (version 1)`);
    if (rec.type === "manifest") {
      manifest = rec;
      if (raw.toString("utf8") !== `${canonicalJson(rec)}\n`) return fail("the manifest is not in canonical form: it was edited");
      continue;
    }
    sha.update(raw);
    switch (rec.type) {
      case "header":
        if (n !== 1) return fail("a second header");
        break;
      case "start": {
        if (verifier) return fail("a second start anchor");
        if (rec.seq === 0) {
          if (rec.chainHash !== GENESIS_HASH || rec.checkpoint) return fail("the start anchor at link 0 must be the genesis");
        } else {
          const cp = rec.checkpoint;
          if (!cp || cp.seq !== rec.seq || cp.chainHash !== rec.chainHash) return fail("the start anchor has no checkpoint of its own");
          const problem = checkpointProblem(cp, [key]);
          if (problem) return fail(`the start checkpoint is not valid: ${problem}`);
        }
        start = { seq: rec.seq, chainHash: rec.chainHash };
        verifier = new ChainVerifier({ seq: rec.seq, hash: rec.chainHash });
        break;
      }
      case "event":
      case "link": {
        if (!verifier) return fail("a link before the start anchor");
        if (end) return fail("a link after the end anchor");
        if (![rec.prevHash, rec.contentHash, rec.chainHash].every((h) => typeof h === "string" && HASH_RE.test(h))) return fail("a malformed hash");
        const broken = verifier.push({
          seq: rec.seq,
          eventId: rec.type === "event" ? rec.eventId : null,
          prevHash: rec.prevHash,
          contentHash: rec.contentHash,
          chainHash: rec.chainHash,
          event: rec.type === "event" ? rec.event : undefined,
        });
        if (broken) return fail(`link ${broken.seq}: ${broken.reason}`);
        seen.set(rec.seq, { prevHash: rec.prevHash, chainHash: rec.chainHash });
        if (rec.type === "event") events++;
        else links++;
        break;
      }
      case "checkpoint": {
        if (!verifier || end) return fail("a checkpoint out of place");
        const cp = rec.checkpoint;
        const problem = checkpointProblem(cp, [key]);
        if (problem) return fail(`the end checkpoint is not valid: ${problem}`);
        if (cp.seq !== verifier.head.seq || cp.chainHash !== verifier.head.hash) return fail("the end checkpoint does not match the chain before it");
        end = { seq: cp.seq, chainHash: cp.chainHash };
        break;
      }
      case "error":
        return fail(`the export stopped: ${rec.reason}`);
      default:
        return fail("an unknown line");
    }
  }
  if (!manifest) return fail("no manifest: the file is incomplete");
  if (!verifyText(key, manifestStatement(manifest), manifest.signature) || manifest.keyId !== key.keyId) {
    return fail("the manifest's signature does not verify with this public key");
  }
  if (manifest.sha256 !== sha.digest("hex")) return fail("the file's content does not match the manifest's SHA-256: it was changed");
  if (manifest.counts.lines !== n - 1) return fail("the manifest counts another number of lines");
  if (manifest.counts.events !== events || manifest.counts.links !== links) return fail("the manifest counts other numbers of events and links");
  if (manifest.range) {
    const first = seen.get(manifest.range.firstSeq);
    const last = seen.get(manifest.range.lastSeq);
    if (!first || !last || !manifest.boundary) return fail("the range's links are not in the file");
    if (first.prevHash !== manifest.boundary.startPrevHash || last.chainHash !== manifest.boundary.endChainHash) return fail("the boundary hashes do not match the links");
    if (!start || manifest.anchors?.start.seq !== start.seq || manifest.anchors.start.chainHash !== start.chainHash) return fail("the start anchor is not the manifest's");
    if ((manifest.anchors.end?.seq ?? null) !== (end?.seq ?? null)) return fail("the end anchor is not the manifest's");
    if (!end && verifier!.head.seq !== manifest.range.lastSeq) return fail("links after the range without an end anchor");
  } else if (verifier) {
    return fail("links in an export with an empty range");
  }
  return { ok: true, events, links, range: manifest.range, filter: manifest.filter, exportedAt: manifest.exportedAt, endAnchored: end !== null };
}
