// `npm run audit:verify-pack -- <export.jsonl> [--public-key <file.pem>]`: verifies an evidence
// export offline — no database, no server — with only Warden's public key (from --public-key,
// else WARDEN_AUDIT_PUBLIC_KEY as PEM text or a file path). Exit 0 when it holds, 1 when not.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { verifyingKeyFromPem } from "../lib/audit/signing-key";
import { verifyPack } from "../lib/audit/verify-pack";

const args = process.argv.slice(2).filter((a) => a !== "--");
let file: string | undefined;
let keyText = process.env.WARDEN_AUDIT_PUBLIC_KEY?.trim();
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--public-key" && args[i + 1]) keyText = readFileSync(args[++i], "utf8");
  else if (!file && !args[i].startsWith("-")) file = args[i];
  else file = undefined;
}
if (!file || !keyText) {
  console.error("usage: npm run audit:verify-pack -- <export.jsonl> --public-key <file.pem>   (or WARDEN_AUDIT_PUBLIC_KEY)");
  process.exit(2);
}
if (!keyText.includes("-----BEGIN") && existsSync(keyText)) keyText = readFileSync(keyText, "utf8");
const key = verifyingKeyFromPem(keyText);
const r = await verifyPack(createReadStream(file), key);
if (r.ok) {
  const f = r.filter;
  const scope = [f.from ? `from ${f.from}` : null, f.to ? `to ${f.to}` : null, f.agentId ? `agent ${f.agentId}` : null, f.actionType ? `type ${f.actionType}` : null].filter(Boolean).join(", ");
  console.log(
    `evidence export: VERIFIED with key ${key.keyId} — ${r.events} event(s)${r.range ? ` in links ${r.range.firstSeq}–${r.range.lastSeq}` : ""} (${scope || "everything"}), ${r.links} other link(s) followed; exported ${r.exportedAt}; ` +
      (r.endAnchored ? "both ends anchored to signed checkpoints." : "the end is covered by the export's own signature only (no checkpoint after it yet)."),
  );
  process.exit(0);
}
console.log(`evidence export: NOT VERIFIED — line ${r.line}: ${r.reason}.`);
process.exit(1);
