import type { Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError, ValidationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { INCIDENT_INCLUDE, toIncidentView } from "./incident-view";
import { listIncidentsQuery, type IncidentCounts, type IncidentPage, type IncidentView } from "./schemas";

// Every signed-in role may read incidents; acknowledging and resolving is for managers.

const encodeCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(c: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(c, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || !isUuid(id) || Number.isNaN(createdAt.getTime())) throw new ValidationError("The cursor is not one this list gave out.", [{ path: "cursor", message: "invalid" }]);
  return { createdAt, id };
}

/** Newest first, filtered by status, kind, agent and severity; keyset pages. */
export async function listIncidents(db: DbTx, _actor: Actor, rawQuery: unknown): Promise<IncidentPage> {
  const q = listIncidentsQuery.parse(rawQuery);
  const limit = q.limit ?? 50;
  const where: Prisma.IncidentWhereInput = {
    ...(q.status === "active" ? { status: { in: ["open", "acknowledged"] } } : q.status ? { status: q.status } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.agentId ? { agentId: q.agentId } : {}),
    ...(q.severity ? { severity: q.severity } : {}),
  };
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.OR = [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }];
  }
  const rows = await db.incident.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1, include: INCIDENT_INCLUDE });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toIncidentView), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

export async function getIncident(db: DbTx, _actor: Actor, id: string): Promise<IncidentView> {
  const i = isUuid(id) ? await db.incident.findUnique({ where: { id }, include: INCIDENT_INCLUDE }) : null;
  if (!i) throw new NotFoundError("Incident");
  return toIncidentView(i);
}

/** What the nav and the overview show: open (and acknowledged) incidents. */
export async function countIncidents(db: DbTx, _actor: Actor): Promise<IncidentCounts> {
  const rows = await db.incident.groupBy({ by: ["status", "severity"], where: { status: { in: ["open", "acknowledged"] } }, _count: { _all: true } });
  const out: IncidentCounts = { open: 0, acknowledged: 0, openBySeverity: { info: 0, warning: 0, critical: 0 } };
  for (const r of rows) {
    if (r.status === "open") {
      out.open += r._count._all;
      out.openBySeverity[r.severity] += r._count._all;
    } else out.acknowledged += r._count._all;
  }
  return out;
}
