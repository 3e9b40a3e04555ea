import { TtlCache } from "../cache/ttl-cache";
import type { DbTx } from "../db/client";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import { apiKeyMatches, keyPrefix } from "./api-key-format";
import { apiKeySchema } from "./schemas";

export type AuthenticatedAgent = { agentId: string; agentName: string; keyId: string };

// lastUsedAt is refreshed at most once a minute so a busy agent does not write on every call.
const LAST_USED_RESOLUTION_MS = 60_000;

type KeyRow = {
  keyId: string;
  secretHash: string;
  revoked: boolean;
  agentId: string;
  agentName: string;
  agentStatus: string;
  agentKillSwitch: boolean;
  lastUsedAt: Date | null;
};

function parseBearer(authorization: string | null | undefined): string {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? "");
  if (!match) throw new UnauthenticatedError("Send the agent's API key as `Authorization: Bearer <key>`.");
  if (!apiKeySchema.safeParse(match[1]).success) throw invalidKey();
  return match[1];
}

const invalidKey = () => new UnauthenticatedError("The API key is invalid or has been revoked.");

async function loadKey(db: DbTx, prefix: string): Promise<KeyRow | null> {
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT k.id AS "keyId", k.secret_hash AS "secretHash", k.revoked_at IS NOT NULL AS revoked, k.last_used_at AS "lastUsedAt",
           a.id AS "agentId", a.name AS "agentName", a.status::text AS "agentStatus", a.kill_switch AS "agentKillSwitch"
    FROM api_keys k JOIN agents a ON a.id = k.agent_id
    WHERE k.prefix = ${prefix}`;
  return rows[0] ?? null;
}

function admit(key: string, row: KeyRow | null): AuthenticatedAgent {
  if (!row || row.revoked || !apiKeyMatches(key, row.secretHash)) throw invalidKey();
  if (row.agentStatus === "disabled") throw new ForbiddenError(`Agent "${row.agentName}" is disabled.`);
  return { agentId: row.agentId, agentName: row.agentName, keyId: row.keyId };
}

/**
 * The one gate of the agent API: `Authorization: Bearer <key>` → the agent it belongs to, read
 * from the database now. Missing, malformed, unknown, wrong or revoked keys are all 401 (without
 * saying which); a disabled agent is 403.
 */
export async function authenticateAgent(db: DbTx, authorization: string | null | undefined): Promise<AuthenticatedAgent> {
  const key = parseBearer(authorization);
  const row = await loadKey(db, keyPrefix(key));
  const agent = admit(key, row);
  const now = new Date();
  if (!row!.lastUsedAt || now.getTime() - row!.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.updateMany({
      where: { id: row!.keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return agent;
}

/** What a cached key says about its agent; the hot path proves it still holds when it writes. */
export type CachedAgent = AuthenticatedAgent & { killSwitch: boolean };

// Keys by their public prefix, for the hot path (POST /api/v1/actions) only: the secret is still
// checked against the hash on every request, and the statement that acts re-reads revocation,
// the agent's status and its kill switch (lib/actions/commit-action-request.ts), so a revoked key
// or a flipped switch takes effect on the very next request on every instance.
const g = globalThis as unknown as { __wardenKeyCache?: TtlCache<string, KeyRow> };
const keyCache = (g.__wardenKeyCache ??= new TtlCache<string, KeyRow>(30_000, 10_000));

/**
 * The agent behind a key, from this instance's cache when it has the key (no database round
 * trip), else from the database. `fresh` skips the cache (after the act-time check disagreed).
 */
export async function resolveAgentKey(db: DbTx, authorization: string | null | undefined, opts: { fresh?: boolean } = {}): Promise<CachedAgent> {
  const key = parseBearer(authorization);
  const prefix = keyPrefix(key);
  let row = opts.fresh ? undefined : keyCache.get(prefix);
  if (!row) {
    const loaded = await loadKey(db, prefix);
    if (loaded) keyCache.set(prefix, loaded);
    row = loaded ?? undefined;
  }
  const agent = admit(key, row ?? null);
  return { ...agent, killSwitch: row!.agentKillSwitch };
}

/** Drops a key from this instance's cache (the act-time check found it out of date). */
export function forgetAgentKey(authorization: string | null | undefined): void {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? "");
  if (match) keyCache.delete(keyPrefix(match[1]));
}
