import type { Agent, ApiKey } from "../generated/prisma/client";
import type { AgentView, ApiKeyView } from "./schemas";

export function toApiKeyView(k: ApiKey): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

export function toAgentView(a: Agent & { apiKeys: ApiKey[] }): AgentView {
  const lastSeen = a.apiKeys.reduce<Date | null>(
    (m, k) => (k.lastUsedAt && (!m || k.lastUsedAt > m) ? k.lastUsedAt : m),
    null,
  );
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    status: a.status,
    createdAt: a.createdAt.toISOString(),
    activeKeys: a.apiKeys.filter((k) => !k.revokedAt).length,
    lastSeenAt: lastSeen?.toISOString() ?? null,
  };
}
