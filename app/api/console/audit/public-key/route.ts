import { loadSigningKey, publicKeyPem } from "@/lib/audit";
import { UnavailableError } from "@/lib/errors";
import { consoleRoute } from "@/lib/http/console-route";

// The public half of the audit signing key: what an auditor verifies exports and checkpoints with.
export const GET = consoleRoute("admin", async () => {
  const key = loadSigningKey();
  if (!key) throw new UnavailableError("No audit signing key is configured (WARDEN_AUDIT_SIGNING_KEY).");
  return new Response(publicKeyPem(key), {
    headers: {
      "content-type": "application/x-pem-file",
      "content-disposition": `attachment; filename="warden-audit-${key.keyId}.pub.pem"`,
      "cache-control": "no-store",
    },
  });
});
