import { enqueueEvent } from "../alerts/enqueue-event";
import type { DbTx } from "../db/client";
import type { IncidentSeverity } from "../generated/prisma/client";
import { incidentKindLabel } from "./kinds";

export type RaiseIncident = {
  kind: string;
  severity: IncidentSeverity;
  title: string;
  agentId?: string | null;
  runId?: string | null;
  actionTypeId?: string | null;
  details?: unknown;
  /**
   * At most one incident ever carries this key: "one alert per agent and hour" is one row however
   * many batches on however many instances cross the line at once (a unique index). The second
   * raise is a no-op that returns null.
   */
  dedupeKey?: string | null;
};

/**
 * Opens an incident and queues its alerts to every channel routed to its kind and severity; call
 * with the transaction of the change that caused it, so the incident, its alerts and the change
 * commit together. Returns the new incident's id, or null when the dedupe key was taken.
 */
export async function raiseIncident(tx: DbTx, i: RaiseIncident, at = new Date()): Promise<{ id: string } | null> {
  const details = i.details === undefined ? null : JSON.stringify(i.details);
  const rows = await tx.$queryRaw<{ id: string; agent_name: string | null }[]>`
    INSERT INTO incidents (id, kind, severity, title, agent_id, run_id, action_type_id, details, dedupe_key, created_at)
    VALUES (gen_random_uuid(), ${i.kind}, ${i.severity}::"IncidentSeverity", ${i.title}, ${i.agentId ?? null}::uuid, ${i.runId ?? null}::uuid,
            ${i.actionTypeId ?? null}::uuid, ${details}::jsonb, ${i.dedupeKey ?? null}, ${at})
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id::text, (SELECT name FROM agents WHERE id = ${i.agentId ?? null}::uuid) AS agent_name`;
  const row = rows[0];
  if (!row) return null;
  await enqueueEvent(
    tx,
    {
      type: "incident.opened",
      kind: i.kind,
      severity: i.severity,
      incidentId: row.id,
      data: {
        id: row.id,
        kind: i.kind,
        kindLabel: incidentKindLabel(i.kind),
        severity: i.severity,
        title: i.title,
        agentId: i.agentId ?? null,
        agentName: row.agent_name,
        runId: i.runId ?? null,
        actionTypeId: i.actionTypeId ?? null,
        details: i.details ?? null,
        path: `/incidents/${row.id}`,
      },
    },
    at,
  );
  return { id: row.id };
}
