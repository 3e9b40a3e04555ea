// `npm run audit:public-key`: prints the public half of the audit signing key (PEM) — what an
// auditor needs to run audit:verify-pack on an evidence export. Same configuration as `npm start`.
import { loadSigningKey, publicKeyPem } from "../lib/audit/signing-key";

const key = loadSigningKey();
if (!key) {
  console.error("warden: no audit signing key: set WARDEN_AUDIT_SIGNING_KEY, or start Warden once to generate one into the data folder.");
  process.exit(1);
}
process.stdout.write(publicKeyPem(key));
console.error(`key id ${key.keyId}`);
