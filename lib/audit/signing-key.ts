import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDataDir, type Env } from "../db/config";

// The Ed25519 key that signs checkpoints and evidence exports (docs/audit-log.md#keys). From
// WARDEN_AUDIT_SIGNING_KEY (a PKCS#8 PEM; "\n" escapes allowed so it fits one variable), else
// the file the start script generated into the data folder, like the session secret. Several
// instances must share one key: set the variable in production.

export const SIGNING_KEY_FILE = "audit-signing-key.pem";

export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject; keyId: string };
export type VerifyingKey = { publicKey: KeyObject; keyId: string };

/** A short, stable name for a public key: the first 16 hex characters of SHA-256 over its SPKI DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

const unescape = (pem: string) => pem.replace(/\\n/g, "\n").trim();

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(unescape(pem));
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`the audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** A public key from PEM (SPKI), or the public half of a private key's PEM. */
export function verifyingKeyFromPem(pem: string): VerifyingKey {
  const text = unescape(pem);
  const publicKey = /PRIVATE KEY/.test(text) ? createPublicKey(createPrivateKey(text)) : createPublicKey(text);
  if (publicKey.asymmetricKeyType !== "ed25519") throw new Error(`the audit key must be Ed25519, not ${publicKey.asymmetricKeyType}`);
  return { publicKey, keyId: keyIdOf(publicKey) };
}

export function publicKeyPem(key: { publicKey: KeyObject }): string {
  return key.publicKey.export({ type: "spki", format: "pem" }).toString();
}

export function generateSigningKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/** The configured signing key, or null when neither the variable nor the data folder's file exists. */
export function loadSigningKey(env: Env = process.env): SigningKey | null {
  const fromEnv = env.WARDEN_AUDIT_SIGNING_KEY?.trim();
  if (fromEnv) return signingKeyFromPem(fromEnv);
  const file = path.join(resolveDataDir(env), SIGNING_KEY_FILE);
  return existsSync(file) ? signingKeyFromPem(readFileSync(file, "utf8")) : null;
}

/**
 * For the start script: without WARDEN_AUDIT_SIGNING_KEY, use (or first generate) the data
 * folder's key and put it into the environment, where the server's jobs and pages read it.
 */
export function ensureSigningKey(env: Env = process.env): SigningKey {
  if (!env.WARDEN_AUDIT_SIGNING_KEY?.trim()) {
    const dir = resolveDataDir(env);
    const file = path.join(dir, SIGNING_KEY_FILE);
    mkdirSync(dir, { recursive: true });
    try {
      // "wx": two instances starting at once on one folder keep the first key written.
      writeFileSync(file, generateSigningKeyPem(), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    env.WARDEN_AUDIT_SIGNING_KEY = readFileSync(file, "utf8");
  }
  return signingKeyFromPem(env.WARDEN_AUDIT_SIGNING_KEY!);
}

/** Ed25519 signature of a text's UTF-8 bytes, base64. */
export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, "utf8"), key.privateKey).toString("base64");
}

export function verifyText(key: VerifyingKey, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, "utf8"), key.publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
