// `npm run audit:verify [-- --public-key <file.pem> …]`: checks the audit log's hash chain from
// its start, every event against its content hash and every signed checkpoint, and prints the
// first broken link (exit 1) or a summary (exit 0). Read-only. Same database as `npm start`
// (DATABASE_URL, or the embedded one in WARDEN_DATA_DIR — stop Warden first for that one).
// Checkpoints are checked against the configured signing key's public half and any --public-key.
import { readFileSync } from "node:fs";
import { auditRetentionDays, loadSigningKey, verifyAuditLog, verifyingKeyFromPem, type VerifyingKey } from "../lib/audit";
import { closeEmbedded } from "../lib/db/adapter";
import { createDb } from "../lib/db/client";
import { describeDatabase, resolveDatabaseConfig } from "../lib/db/config";

const args = process.argv.slice(2).filter((a) => a !== "--");
const keys: VerifyingKey[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--public-key" && args[i + 1]) keys.push(verifyingKeyFromPem(readFileSync(args[++i], "utf8")));
  else {
    console.error("usage: npm run audit:verify [-- --public-key <file.pem> …]");
    process.exit(2);
  }
}
const own = loadSigningKey();
if (own) keys.push(own);

const config = resolveDatabaseConfig();
const db = createDb(config, { poolMax: 2 });
let code = 0;
try {
  console.log(`warden: audit log in ${describeDatabase(config)}; trusted key(s): ${keys.map((k) => k.keyId).join(", ") || "none"}`);
  const r = await verifyAuditLog(db, { keys, retentionDays: auditRetentionDays() });
  const cps = `${r.checkpoints.verified} of ${r.checkpoints.total} signed checkpoint(s) verified`;
  if (r.ok) {
    const span = r.firstSeq === null ? "no links yet" : `links ${r.firstSeq}–${r.lastSeq}`;
    console.log(`audit chain: intact — ${r.links} link(s) checked (${span}), ${cps}${r.checkpoints.lastAt ? `, the last at link ${r.checkpoints.lastSeq} (${r.checkpoints.lastAt})` : ""}; ${r.pending} event(s) waiting to be linked.`);
    if (r.checkpoints.lastSeq !== null && r.lastSeq !== null && r.lastSeq > r.checkpoints.lastSeq) {
      console.log(`note: links ${r.checkpoints.lastSeq + 1}–${r.lastSeq} are not covered by a signed checkpoint yet.`);
    }
  } else {
    code = 1;
    const b = r.break!;
    const where = b.seq !== null ? `link ${b.seq}` : "an event not linked yet";
    const what = [b.eventId ? `event ${b.eventId}` : null, b.action ?? null, b.at ?? null].filter(Boolean).join(", ");
    console.log(`audit chain: BROKEN at ${where}${what ? ` (${what})` : ""}: ${b.reason}.`);
    console.log(`checked ${r.links} link(s) before it; ${cps}.`);
  }
} finally {
  await db.$disconnect();
  if (config.kind === "embedded") await closeEmbedded(config.dataDir);
}
process.exit(code);
