import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import type { Db } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import { toApiKeyView } from "./agent-view";
import type { ApiKeyView } from "./schemas";

/** Revokes a key at once; revoking an already revoked key is a no-op that returns it. */
export async function revokeApiKey(db: Db, actor: Actor, agentId: string, keyId: string): Promise<ApiKeyView> {
  assertRole(actor, "manager", "revoke agent keys");
  return db.$transaction(async (tx) => {
    const key = isUuid(keyId) && isUuid(agentId) ? await tx.apiKey.findFirst({ where: { id: keyId, agentId } }) : null;
    if (!key) throw new NotFoundError("API key");
    if (key.revokedAt) return toApiKeyView(key);
    const revoked = await tx.apiKey.update({ where: { id: keyId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: "api_key.revoked",
      targetType: "agent",
      targetId: agentId,
      before: { keyId, revokedAt: null },
      after: { keyId, revokedAt: revoked.revokedAt },
    });
    return toApiKeyView(revoked);
  });
}
