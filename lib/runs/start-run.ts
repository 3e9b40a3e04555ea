import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import type { DbTx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { ConflictError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { toRunView } from "./run-view";
import { startRunInput, type RunView } from "./schemas";

export async function startRun(db: DbTx, agent: AuthenticatedAgent, raw: unknown): Promise<RunView> {
  const input = startRunInput.parse(raw);
  try {
    const run = await db.run.create({
      data: {
        agentId: agent.agentId,
        externalId: input.externalId ?? null,
        input: input.input as Prisma.InputJsonValue | undefined,
        metadata: input.metadata as Prisma.InputJsonValue | undefined,
        agentVersion: input.agentVersion ?? null,
        sessionId: input.sessionId ?? null,
        endUser: input.endUser ?? null,
      },
    });
    return toRunView(run);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`A run with externalId "${input.externalId}" already exists for this agent.`);
    throw err;
  }
}
