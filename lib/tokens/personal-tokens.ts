import { apiKeyMatches, generateSecret, hashApiKey, keyPrefix } from "../agents/api-key-format";
import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import type { Db, DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError, UnauthenticatedError } from "../errors";
import { createTokenInput, type PersonalTokenView } from "./schemas";

// Personal API tokens let managers and admins manage policy as code (REST) with their own
// role. Same scheme as agent keys (public 12-char prefix + SHA-256), a different prefix: wdp_.

export const PERSONAL_TOKEN_PREFIX = "wdp_";

export function generatePersonalToken(): string {
  return generateSecret(PERSONAL_TOKEN_PREFIX);
}


const view = (t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): PersonalTokenView => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function listPersonalTokens(db: DbTx, actor: Actor): Promise<PersonalTokenView[]> {
  const rows = await db.personalToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return rows.map(view);
}

/** Creates a token for the signed-in manager or admin; `token` is shown this once. */
export async function createPersonalToken(db: Db, actor: Actor, raw: unknown): Promise<PersonalTokenView & { token: string }> {
  assertRole(actor, "manager", "create API tokens");
  const input = createTokenInput.parse(raw);
  const token = generatePersonalToken();
  const row = await db.$transaction(async (tx) => {
    const r = await tx.personalToken.create({ data: { userId: actor.id, name: input.name, prefix: keyPrefix(token), secretHash: hashApiKey(token) } });
    await recordAuditEvent(tx, { actor: { type: "user", id: actor.id }, action: "personal_token.created", targetType: "user", targetId: actor.id, after: { tokenId: r.id, prefix: r.prefix } });
    return r;
  });
  return { ...view(row), token };
}

export async function revokePersonalToken(db: Db, actor: Actor, tokenId: string): Promise<PersonalTokenView> {
  const t = isUuid(tokenId) ? await db.personalToken.findFirst({ where: { id: tokenId, userId: actor.id } }) : null;
  if (!t) throw new NotFoundError("Token");
  if (t.revokedAt) return view(t);
  return db.$transaction(async (tx) => {
    const r = await tx.personalToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { actor: { type: "user", id: actor.id }, action: "personal_token.revoked", targetType: "user", targetId: actor.id, after: { tokenId: t.id } });
    return view(r);
  });
}

/** A personal token → the person it acts for (their current role; disabled users are refused). */
export async function authenticatePersonalToken(db: DbTx, token: string): Promise<Actor> {
  const invalid = new UnauthenticatedError("The API key is invalid or has been revoked.");
  const row = await db.personalToken.findUnique({ where: { prefix: keyPrefix(token) }, include: { user: true } });
  if (!row || row.revokedAt || !apiKeyMatches(token, row.secretHash) || row.user.disabledAt) throw invalid;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.personalToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role };
}
