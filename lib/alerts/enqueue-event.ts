import type { DbTx } from "../db/client";
import type { Severity } from "./schemas";

export type OutgoingEvent = {
  /** e.g. incident.opened, test; later features add their own. */
  type: string;
  /** What channels route on: the incident kind (or the event's own kind). */
  kind: string;
  severity: Severity;
  data: Record<string, unknown>;
  incidentId?: string | null;
};

/**
 * Puts an event into the outbox of every enabled channel that takes its kind and severity, in
 * the caller's transaction: the event and its deliveries commit (or roll back) together, and the
 * delivery job sends them afterwards. Returns how many deliveries were queued.
 */
export async function enqueueEvent(tx: DbTx, e: OutgoingEvent, at = new Date()): Promise<number> {
  const payload = JSON.stringify({ type: e.type, timestamp: at.toISOString(), data: e.data });
  return tx.$executeRaw`
    INSERT INTO alert_deliveries (id, channel_id, event_type, payload, incident_id, next_attempt_at, created_at)
    SELECT gen_random_uuid(), c.id, ${e.type}, ${payload}::jsonb, ${e.incidentId ?? null}::uuid, ${at}, ${at}
    FROM alert_channels c
    WHERE c.enabled
      AND (cardinality(c.kinds) = 0 OR ${e.kind} = ANY (c.kinds))
      AND CASE c.min_severity WHEN 'info' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END
          <= CASE ${e.severity}::text WHEN 'info' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;
}
