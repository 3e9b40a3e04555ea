import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import type { Run } from "../generated/prisma/client";
import { toRunView } from "./run-view";
import type { RunView } from "./schemas";

/** A run of this agent; another agent's run is indistinguishable from a missing one (404). */
export async function getOwnRunOrThrow(db: DbTx, agent: AuthenticatedAgent, runId: string): Promise<Run> {
  const run = isUuid(runId) ? await db.run.findFirst({ where: { id: runId, agentId: agent.agentId } }) : null;
  if (!run) throw new NotFoundError("Run");
  return run;
}

export async function getRun(db: DbTx, agent: AuthenticatedAgent, runId: string): Promise<RunView> {
  return toRunView(await getOwnRunOrThrow(db, agent, runId));
}
