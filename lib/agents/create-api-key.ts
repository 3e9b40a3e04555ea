import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent, type AuditActor } from "../audit";
import type { Db, DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { isUniqueViolation } from "../db/errors";
import { ConflictError, NotFoundError } from "../errors";
import { toApiKeyView } from "./agent-view";
import { generateApiKey, hashApiKey, keyPrefix } from "./api-key-format";
import { apiKeySchema, createApiKeyInput, type CreatedApiKeyView } from "./schemas";

/** Creates a key for an agent; the returned `key` is the only time the secret is ever shown. */
export async function createApiKey(db: Db, actor: Actor, agentId: string, raw: unknown): Promise<CreatedApiKeyView> {
  assertRole(actor, "manager", "create agent keys");
  const input = createApiKeyInput.parse(raw);
  return db.$transaction((tx) =>
    insertApiKey(tx, { type: "user", id: actor.id }, agentId, generateApiKey(), input.name ?? null),
  );
}

/** Stores a given key (generated, or supplied by headless init) in an open transaction. */
export async function insertApiKey(
  tx: DbTx,
  auditActor: AuditActor,
  agentId: string,
  key: string,
  name: string | null,
): Promise<CreatedApiKeyView> {
  apiKeySchema.parse(key);
  const agent = isUuid(agentId) ? await tx.agent.findUnique({ where: { id: agentId }, select: { id: true } }) : null;
  if (!agent) throw new NotFoundError("Agent");
  try {
    const row = await tx.apiKey.create({
      data: { agentId, name, prefix: keyPrefix(key), secretHash: hashApiKey(key) },
    });
    await recordAuditEvent(tx, {
      actor: auditActor,
      action: "api_key.created",
      targetType: "agent",
      targetId: agentId,
      after: { keyId: row.id, prefix: row.prefix, name },
    });
    return { ...toApiKeyView(row), key };
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("A key with this prefix already exists; use another key.");
    throw err;
  }
}
