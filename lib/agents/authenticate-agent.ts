import type { DbTx } from "../db/client";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import { apiKeyMatches, keyPrefix } from "./api-key-format";
import { apiKeySchema } from "./schemas";

export type AuthenticatedAgent = { agentId: string; agentName: string; keyId: string };

// lastUsedAt is refreshed at most once a minute so a busy agent does not write on every call.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The one gate of the agent API: `Authorization: Bearer <key>` → the agent it belongs to.
 * Missing, malformed, unknown, wrong or revoked keys are all 401 (without saying which).
 */
export async function authenticateAgent(db: DbTx, authorization: string | null | undefined): Promise<AuthenticatedAgent> {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? "");
  if (!match) {
    throw new UnauthenticatedError("Send the agent's API key as `Authorization: Bearer <key>`.");
  }
  const key = match[1];
  const invalid = new UnauthenticatedError("The API key is invalid or has been revoked.");
  if (!apiKeySchema.safeParse(key).success) throw invalid;

  const row = await db.apiKey.findUnique({
    where: { prefix: keyPrefix(key) },
    include: { agent: { select: { id: true, name: true, status: true } } },
  });
  if (!row || row.revokedAt || !apiKeyMatches(key, row.secretHash)) throw invalid;
  if (row.agent.status === "disabled") throw new ForbiddenError(`Agent "${row.agent.name}" is disabled.`);

  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { agentId: row.agent.id, agentName: row.agent.name, keyId: row.id };
}
