import type { Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import { toAgentView, toApiKeyView } from "./agent-view";
import type { AgentView, ApiKeyView } from "./schemas";

// Every signed-in role may see agents; changing them is for managers (create-agent.ts).
export async function listAgents(db: DbTx, _actor: Actor): Promise<AgentView[]> {
  const agents = await db.agent.findMany({ include: { apiKeys: true }, orderBy: { name: "asc" } });
  return agents.map(toAgentView);
}

export async function getAgentOrThrow(
  db: DbTx,
  _actor: Actor,
  agentId: string,
): Promise<AgentView & { keys: ApiKeyView[] }> {
  const agent = !isUuid(agentId) ? null : await db.agent.findUnique({
    where: { id: agentId },
    include: { apiKeys: { orderBy: { createdAt: "desc" } } },
  });
  if (!agent) throw new NotFoundError("Agent");
  return { ...toAgentView(agent), keys: agent.apiKeys.map(toApiKeyView) };
}
