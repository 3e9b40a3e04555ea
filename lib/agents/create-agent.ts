import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { ConflictError } from "../errors";
import { toAgentView } from "./agent-view";
import { createAgentInput, type AgentView } from "./schemas";

export async function createAgent(db: Db, actor: Actor, raw: unknown): Promise<AgentView> {
  assertRole(actor, "manager", "create agents");
  const input = createAgentInput.parse(raw);
  try {
    const agent = await db.$transaction(async (tx) => {
      const a = await tx.agent.create({
        data: { name: input.name, description: input.description || null, createdById: actor.id },
        include: { apiKeys: true },
      });
      await recordAuditEvent(tx, {
        actor: { type: "user", id: actor.id },
        action: "agent.created",
        targetType: "agent",
        targetId: a.id,
        after: { name: a.name },
      });
      return a;
    });
    return toAgentView(agent);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`An agent named "${input.name}" already exists.`);
    throw err;
  }
}
