import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// A key is one opaque string. Its first 12 characters are the public prefix used to find it;
// only a SHA-256 of the whole key is stored. Keys are high-entropy, so a fast hash is the
// right tool here (a slow password hash would put argon2 on every agent request).
export const KEY_PREFIX_LENGTH = 12;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A prefix plus 40 random characters (~238 bits); agent keys use "wdn_", personal tokens "wdp_". */
export function generateSecret(prefix: string): string {
  return prefix + Array.from(randomBytes(40), (b) => ALPHABET[b % ALPHABET.length]).join("");
}

export function generateApiKey(): string {
  return generateSecret("wdn_");
}

export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX_LENGTH);
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
