import { hasRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import type { AlertChannel } from "../generated/prisma/client";
import type { ChannelView, DeliveryView } from "./schemas";

type Stats = ChannelView["stats"];
const NO_STATS: Stats = { pending: 0, delivered: 0, failed: 0, lastDeliveredAt: null };

export function toChannelView(c: AlertChannel, actor: Actor, stats: Stats = NO_STATS): ChannelView {
  return {
    id: c.id,
    name: c.name,
    url: c.url,
    format: c.format === "slack" ? "slack" : "standard",
    kinds: c.kinds,
    minSeverity: c.minSeverity,
    enabled: c.enabled,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    secret: hasRole(actor.role, "manager") ? c.secret : null,
    stats,
  };
}

/** Delivery counts per channel over the last 7 days, for the list. */
export async function channelStats(db: DbTx, channelIds: string[]): Promise<Map<string, Stats>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ channel_id: string; pending: number; delivered: number; failed: number; last: Date | null }[]>`
    SELECT channel_id::text, count(*) FILTER (WHERE status = 'pending')::int AS pending,
           count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE status = 'failed')::int AS failed, max(delivered_at) AS last
    FROM alert_deliveries
    WHERE channel_id = ANY (${channelIds}::uuid[]) AND created_at > now() - interval '7 days'
    GROUP BY channel_id`;
  return new Map(rows.map((r) => [r.channel_id, { pending: r.pending, delivered: r.delivered, failed: r.failed, lastDeliveredAt: r.last?.toISOString() ?? null }]));
}

/** A one-line description of a delivery's event, for the log. */
export function deliverySummary(eventType: string, payload: unknown): string {
  const data = (payload as { data?: Record<string, unknown> } | null)?.data ?? {};
  if (typeof data.title === "string") return data.title;
  if (typeof data.message === "string") return data.message;
  return eventType;
}

export function toDeliveryView(
  d: { id: string; eventType: string; payload: unknown; incidentId: string | null; status: string; attempts: number; nextAttemptAt: Date; lastError: string | null; deliveredAt: Date | null; createdAt: Date },
  log: { attempt: number; at: Date; statusCode: number | null; error: string | null; durationMs: number }[],
): DeliveryView {
  return {
    id: d.id,
    eventType: d.eventType,
    summary: deliverySummary(d.eventType, d.payload),
    incidentId: d.incidentId,
    status: d.status as DeliveryView["status"],
    attempts: d.attempts,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    log: log.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  };
}
