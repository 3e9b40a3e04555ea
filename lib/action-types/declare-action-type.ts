import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import { schemaProblems } from "../actions/payload-schema";
import { recordAuditEvent } from "../audit";
import { withTx, type DbTx } from "../db/client";
import { ValidationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { getActionTypeOrThrow } from "./list-action-types";
import { declareActionTypeInput, type ActionTypeView } from "./schemas";

/**
 * An agent declares an action type before its first request, with the payload schema it will
 * follow (an MCP gateway passes each tool's input schema). Only a type nobody has seen yet is
 * created — at level 3 like any new type, so declaring grants nothing; an existing type is
 * returned unchanged, whatever the declaration says: its guardrails belong to managers.
 */
export async function declareActionType(db: DbTx, agent: AuthenticatedAgent, raw: unknown): Promise<{ actionType: ActionTypeView; created: boolean }> {
  const input = declareActionTypeInput.parse(raw);
  if (input.payloadSchema) {
    const problems = schemaProblems(input.payloadSchema);
    if (problems.length) throw new ValidationError("The payload schema is not a valid JSON Schema.", problems.map((m) => ({ path: "payloadSchema", message: m })));
  }
  const reader = { id: agent.agentId, email: "", name: agent.agentName, role: "viewer" as const };
  return withTx(db, async (tx) => {
    const { count } = await tx.actionType.createMany({
      data: [
        {
          key: input.key,
          level: 3,
          description: input.description || null,
          payloadSchema: input.payloadSchema as Prisma.InputJsonValue | undefined,
        },
      ],
      skipDuplicates: true, // a concurrent declaration or first request won: theirs stands
    });
    const actionType = await getActionTypeOrThrow(tx, reader, input.key);
    if (count === 1) {
      await recordAuditEvent(tx, {
        actor: { type: "agent", id: agent.agentId },
        action: "action_type.declared",
        targetType: "action_type",
        targetId: actionType.id,
        after: { key: input.key, level: 3, description: actionType.description, payloadSchema: input.payloadSchema ?? null },
      });
    }
    return { actionType, created: count === 1 };
  });
}
