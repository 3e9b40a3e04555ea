import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A readable one-time password: 20 characters from an unambiguous alphabet (~100 bits). */
export function generatePassword(length = 20): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * Which password a session was signed in with: the time it was last set (0 for one never
 * changed since the account was created). A session carrying another stamp is signed out.
 */
export function passwordStamp(user: { passwordChangedAt: Date | null }): number {
  return user.passwordChangedAt?.getTime() ?? 0;
}
