import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import type { DbTx } from "../db/client";
import { NotFoundError } from "../errors";
import type { Run } from "../generated/prisma/client";
import { toRunView } from "./run-view";
import type { RunView } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A run of this agent; another agent's run is indistinguishable from a missing one (404). */
export async function getOwnRunOrThrow(db: DbTx, agent: AuthenticatedAgent, runId: string): Promise<Run> {
  const run = UUID.test(runId) ? await db.run.findFirst({ where: { id: runId, agentId: agent.agentId } }) : null;
  if (!run) throw new NotFoundError("Run");
  return run;
}

export async function getRun(db: DbTx, agent: AuthenticatedAgent, runId: string): Promise<RunView> {
  return toRunView(await getOwnRunOrThrow(db, agent, runId));
}
