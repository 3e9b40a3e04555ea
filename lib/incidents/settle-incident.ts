import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import { withTx, type DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { ConflictError, NotFoundError } from "../errors";
import { INCIDENT_INCLUDE } from "./incident-view";
import { getIncident } from "./list-incidents";
import { acknowledgeIncidentInput, resolveIncidentInput, type IncidentView } from "./schemas";

// Acknowledge and resolve, each exactly once: a conditional update on the status the incident
// must be in, the audit event in the same transaction; the loser of a race gets 409 naming who
// got there first. The incident is read back after the transaction: Prisma loads its several
// relations in parallel, which one transaction's connection cannot do.

async function conflict(db: DbTx, id: string, attempted: string): Promise<never> {
  const i = isUuid(id) ? await db.incident.findUnique({ where: { id }, include: INCIDENT_INCLUDE }) : null;
  if (!i) throw new NotFoundError("Incident");
  const by = i.status === "resolved" ? i.resolvedBy : i.acknowledgedBy;
  const name = by ? (by.name ?? by.email) : null;
  throw new ConflictError(`This incident was already ${i.status}${name ? ` by ${name}` : ""}; it cannot be ${attempted} again.`, {
    incidentStatus: i.status,
    by: name,
  });
}

export async function acknowledgeIncident(db: DbTx, actor: Actor, id: string, raw: unknown = {}): Promise<IncidentView> {
  assertRole(actor, "manager", "acknowledge incidents");
  const { note } = acknowledgeIncidentInput.parse(raw ?? {});
  const done = await withTx(db, async (tx) => {
    const res = isUuid(id)
      ? await tx.incident.updateMany({
          where: { id, status: "open" },
          data: { status: "acknowledged", acknowledgedAt: new Date(), acknowledgedById: actor.id, acknowledgeNote: note || null },
        })
      : { count: 0 };
    if (res.count === 0) return false;
    await recordAuditEvent(tx, { actor: { type: "user", id: actor.id }, action: "incident.acknowledged", targetType: "incident", targetId: id, before: { status: "open" }, after: { status: "acknowledged", note: note || null } });
    return true;
  });
  if (!done) return conflict(db, id, "acknowledged");
  return getIncident(db, actor, id);
}

/** Resolves an open or acknowledged incident with a note saying what was done. */
export async function resolveIncident(db: DbTx, actor: Actor, id: string, raw: unknown): Promise<IncidentView> {
  assertRole(actor, "manager", "resolve incidents");
  const { note } = resolveIncidentInput.parse(raw);
  const done = await withTx(db, async (tx) => {
    const before = isUuid(id) ? await tx.incident.findUnique({ where: { id }, select: { status: true } }) : null;
    if (!before) throw new NotFoundError("Incident");
    if (!(await markResolved(tx, actor, id, note))) return false;
    await recordAuditEvent(tx, { actor: { type: "user", id: actor.id }, action: "incident.resolved", targetType: "incident", targetId: id, before: { status: before.status }, after: { status: "resolved", note } });
    return true;
  });
  if (!done) return conflict(db, id, "resolved");
  return getIncident(db, actor, id);
}

/** The conditional update behind resolving (also used when a budget grant settles a breaker's incident). */
export async function markResolved(tx: DbTx, actor: Actor, id: string, note: string): Promise<boolean> {
  const now = new Date();
  const res = await tx.incident.updateMany({
    where: { id, status: { in: ["open", "acknowledged"] } },
    data: { status: "resolved", resolvedAt: now, resolvedById: actor.id, resolutionNote: note },
  });
  return res.count === 1;
}
