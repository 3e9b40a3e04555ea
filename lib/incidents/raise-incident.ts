import type { DbTx } from "../db/client";
import type { IncidentSeverity, Prisma } from "../generated/prisma/client";

/** Opens an incident; call with the transaction of the change that caused it. */
export async function raiseIncident(
  tx: DbTx,
  i: { kind: string; severity: IncidentSeverity; title: string; agentId?: string | null; runId?: string | null; details?: unknown },
) {
  return tx.incident.create({
    data: {
      kind: i.kind,
      severity: i.severity,
      title: i.title,
      agentId: i.agentId ?? null,
      runId: i.runId ?? null,
      details: (i.details ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
