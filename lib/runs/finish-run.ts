import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import type { DbTx } from "../db/client";
import { ConflictError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { getOwnRunOrThrow } from "./get-run";
import { toRunView } from "./run-view";
import { finishRunInput, type RunView } from "./schemas";

/** Finishes a running run. Finishing again with the same status is a no-op; a different one is 409. */
export async function finishRun(db: DbTx, agent: AuthenticatedAgent, runId: string, raw: unknown): Promise<RunView> {
  const input = finishRunInput.parse(raw);
  const run = await getOwnRunOrThrow(db, agent, runId);
  const updated = await db.run.updateMany({
    where: { id: run.id, status: "running" },
    data: {
      status: input.status,
      output: input.output as Prisma.InputJsonValue | undefined,
      error: input.error ?? null,
      endedAt: new Date(),
    },
  });
  const now = await getOwnRunOrThrow(db, agent, runId);
  if (updated.count === 0 && now.status !== input.status) {
    throw new ConflictError(`The run is already ${now.status}${now.haltReason ? ` (${now.haltReason})` : ""}.`, { runStatus: now.status });
  }
  return toRunView(now);
}
