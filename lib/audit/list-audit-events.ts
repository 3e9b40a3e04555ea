import { actionTypeKey } from "../actions/schemas";
import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import type { Prisma } from "../generated/prisma/client";
import { auditLogQuery } from "./schemas";

export type AuditRow = {
  id: string;
  at: string;
  action: string;
  actor: { type: string; id: string | null; name: string; href: string | null };
  target: { type: string; id: string | null; label: string; href: string | null };
  /** The receipt: policy version and payload digest (null when the event is not a decision on either). */
  policyVersion: number | null;
  payloadDigest: string | null;
  contentHash: string | null;
  /** Its link in the chain; null until the chainer links it (seconds). */
  seq: number | null;
  detail: string | null;
  /** A result whose executed digest differs from the approved payload's. */
  digestMismatch: boolean;
};

export type AuditLogPage = {
  rows: AuditRow[];
  /** Oldest first when the log is narrowed to one subject (its story), else newest first. */
  order: "asc" | "desc";
  nextCursor: string | null;
};

const PAGE = 50;

/** The audit log for admins, filtered by actor, target, kind and time (docs/audit-log.md#the-page). */
export async function listAuditEvents(db: DbTx, actor: Actor, raw: unknown): Promise<AuditLogPage> {
  assertRole(actor, "admin", "read the audit log");
  const q = auditLogQuery.parse(raw);
  const where: Prisma.AuditEventWhereInput[] = [];
  const none: AuditLogPage = { rows: [], order: q.target ? "asc" : "desc", nextCursor: null };

  if (q.actor) {
    const who = await resolveActor(db, q.actor);
    if (!who) return none;
    where.push(who);
  }
  if (q.target) {
    let id = isUuid(q.target) ? q.target.toLowerCase() : q.target;
    if (!isUuid(id) && actionTypeKey.safeParse(id).success) {
      const t = await db.actionType.findUnique({ where: { key: id }, select: { id: true } });
      if (t) id = t.id;
    }
    where.push({ targetId: id });
  }
  if (q.kind) where.push(q.kind.endsWith(".") ? { action: { startsWith: q.kind } } : { action: q.kind });
  if (q.from) where.push({ createdAt: { gte: q.from } });
  if (q.to) where.push({ createdAt: { lt: q.to } });
  const order = q.target ? "asc" : "desc";
  if (q.before) where.push({ id: order === "asc" ? { gt: BigInt(q.before) } : { lt: BigInt(q.before) } });

  const events = await db.auditEvent.findMany({ where: { AND: where }, orderBy: { id: order }, take: PAGE + 1 });
  const page = events.slice(0, PAGE);
  const ids = page.map((e) => e.id);
  const ofType = (t: string) => [...new Set(page.filter((e) => e.actorType === t).map((e) => e.actorId).filter((x): x is string => !!x && isUuid(x)))];
  const targets = (t: string) => [...new Set(page.filter((e) => e.targetType === t && e.targetId && isUuid(e.targetId)).map((e) => e.targetId!))];
  const [links, users, agents, types, actions] = await Promise.all([
    ids.length ? db.auditChainLink.findMany({ where: { eventId: { in: ids } }, select: { eventId: true, seq: true } }) : [],
    db.user.findMany({ where: { id: { in: [...ofType("user"), ...targets("user")] } }, select: { id: true, email: true, name: true } }),
    db.agent.findMany({ where: { id: { in: [...ofType("agent"), ...targets("agent")] } }, select: { id: true, name: true } }),
    db.actionType.findMany({ where: { id: { in: targets("action_type") } }, select: { id: true, key: true } }),
    db.action.findMany({ where: { id: { in: targets("action") } }, select: { id: true, actionType: { select: { key: true } } } }),
  ]);
  const seqOf = new Map(links.map((l) => [l.eventId, Number(l.seq)]));
  const userName = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  const agentName = new Map(agents.map((a) => [a.id, a.name]));
  const typeKey = new Map(types.map((t) => [t.id, t.key]));
  const actionType = new Map(actions.map((a) => [a.id, a.actionType.key]));

  const rows = page.map((e): AuditRow => {
    const actorName =
      e.actorType === "system" ? "Warden" : e.actorType === "user" ? (userName.get(e.actorId ?? "") ?? "a deleted user") : (agentName.get(e.actorId ?? "") ?? "a deleted agent");
    return {
      id: String(e.id),
      at: e.createdAt.toISOString(),
      action: e.action,
      actor: { type: e.actorType, id: e.actorId, name: actorName, href: e.actorType === "agent" && agentName.has(e.actorId ?? "") ? `/agents/${e.actorId}` : null },
      target: targetOf(e.targetType, e.targetId, { userName, agentName, typeKey, actionType }),
      policyVersion: e.policyVersion,
      payloadDigest: e.payloadDigest,
      contentHash: e.contentHash,
      seq: seqOf.get(e.id) ?? null,
      detail: detailOf(e.after),
      digestMismatch: (e.after as { digestMismatch?: unknown } | null)?.digestMismatch === true,
    };
  });
  return { rows, order, nextCursor: events.length > PAGE ? String(page[page.length - 1].id) : null };
}

function targetOf(
  type: string,
  id: string | null,
  names: { userName: Map<string, string>; agentName: Map<string, string>; typeKey: Map<string, string>; actionType: Map<string, string> },
): AuditRow["target"] {
  const short = id ? (isUuid(id) ? id.slice(0, 8) : id) : "—";
  switch (type) {
    case "action": {
      const key = names.actionType.get(id ?? "");
      return { type, id, label: key ? `${key} · ${short}` : `action ${short}`, href: key ? `/actions/${id}` : null };
    }
    case "action_type": {
      const key = names.typeKey.get(id ?? "");
      return { type, id, label: key ?? `action type ${short}`, href: key ? `/action-types/${encodeURIComponent(key)}` : null };
    }
    case "agent": {
      const name = names.agentName.get(id ?? "");
      return { type, id, label: name ?? `agent ${short}`, href: name ? `/agents/${id}` : null };
    }
    case "user": {
      const name = names.userName.get(id ?? "");
      return { type, id, label: name ?? `user ${short}`, href: name ? "/admin/users" : null };
    }
    case "incident":
      return { type, id, label: `incident ${short}`, href: id && isUuid(id) ? `/incidents/${id}` : null };
    case "alert_channel":
      return { type, id, label: `alert channel ${short}`, href: id && isUuid(id) ? `/alerts/${id}` : null };
    case "run":
      return { type, id, label: `run ${short}`, href: id && isUuid(id) ? `/actions?q=${id}` : null };
    case "global":
      return { type, id, label: "the global kill switch", href: "/kill-switches" };
    case "model_price":
      return { type, id, label: `model price ${id ?? ""}`.trim(), href: "/model-prices" };
    default:
      return { type, id, label: id ? `${type.replace(/_/g, " ")} ${short}` : type.replace(/_/g, " "), href: null };
  }
}

/** One line a person can read at a glance: a reason, or a status. */
function detailOf(after: unknown): string | null {
  if (!after || typeof after !== "object" || Array.isArray(after)) return null;
  const a = after as Record<string, unknown>;
  if (typeof a.reason === "string" && a.reason) return a.reason;
  if (a.digestMismatch === true) return "Executed a payload other than the approved one";
  if (typeof a.status === "string") return `Status: ${a.status}`;
  return null;
}

async function resolveActor(db: DbTx, text: string): Promise<Prisma.AuditEventWhereInput | null> {
  if (text.toLowerCase() === "system" || text.toLowerCase() === "warden") return { actorType: "system" };
  if (isUuid(text)) return { actorId: text.toLowerCase() };
  if (text.includes("@")) {
    const u = await db.user.findFirst({ where: { email: { equals: text, mode: "insensitive" } }, select: { id: true } });
    return u ? { actorType: "user", actorId: u.id } : null;
  }
  const a = await db.agent.findUnique({ where: { name: text }, select: { id: true } });
  if (a) return { actorType: "agent", actorId: a.id };
  const u = await db.user.findFirst({ where: { name: { equals: text, mode: "insensitive" } }, select: { id: true } });
  return u ? { actorType: "user", actorId: u.id } : null;
}
