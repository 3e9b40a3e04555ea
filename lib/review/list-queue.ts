import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/keyset";
import { payloadSummary } from "./payload-summary";
import type { Prisma } from "../generated/prisma/client";
import { AGE_FILTERS, queueQuery, type QueuePage } from "./schemas";

const CLAIM_LABEL = (u: { name: string | null; email: string } | null) => (u ? (u.name ?? u.email) : null);

const RATIONALE_PREVIEW = 300;

/**
 * The queue's text search: a part of the rationale or subject, the type's key or the agent's
 * name, ignoring case. It narrows the pending rows the queue's indexes already picked (the
 * pending set is what people work through, not the whole history), so no text index is needed.
 */
function textMatch(text: string): Prisma.ActionWhereInput[] {
  const contains = { contains: text, mode: "insensitive" as const };
  return [{ rationale: contains }, { subjectKey: contains }, { actionType: { key: contains } }, { agent: { name: contains } }];
}

/**
 * One page of the review queue (pending approvals or drafts), filtered and paginated in the
 * database (keyset on created_at, id), with the total for the live count. Escalated items keep
 * their place in that order and carry escalatedAt for the badge. Every role may read it;
 * claiming and deciding are for reviewers and above (claim-action, decide-action).
 */
export async function listQueue(db: DbTx, actor: Actor, raw: unknown, now = new Date()): Promise<QueuePage> {
  assertRole(actor, "viewer", "see the review queue");
  const q = queueQuery.parse(raw);
  const where: Prisma.ActionWhereInput = {
    status: "pending",
    route: q.kind,
    ...(q.agentId ? { agentId: q.agentId } : {}),
    ...(q.type || q.risk ? { actionType: { ...(q.type ? { key: q.type } : {}), ...(q.risk ? { riskLabel: q.risk } : {}) } } : {}),
    ...(q.olderThan ? { createdAt: { lt: new Date(now.getTime() - AGE_FILTERS[q.olderThan] * 1000) } } : {}),
    ...(q.q ? { OR: textMatch(q.q) } : {}),
  };
  const dir = q.sort === "oldest" ? "asc" : "desc";
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const keyset: Prisma.ActionWhereInput | undefined = after
    ? {
        OR: [
          { createdAt: dir === "asc" ? { gt: after.createdAt } : { lt: after.createdAt } },
          { createdAt: after.createdAt, id: dir === "asc" ? { gt: after.id } : { lt: after.id } },
        ],
      }
    : undefined;
  const [rows, total] = await Promise.all([
    db.action.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      orderBy: [{ createdAt: dir }, { id: dir }],
      take: q.limit + 1,
      include: {
        actionType: { select: { key: true, riskLabel: true, blocked: true } },
        agent: { select: { name: true } },
        claimedBy: { select: { name: true, email: true } },
      },
    }),
    db.action.count({ where }),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    total,
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    items: page.map((a) => {
      const claimLive = a.claimExpiresAt && a.claimExpiresAt > now;
      return {
        id: a.id,
        type: a.actionType.key,
        riskLabel: a.actionType.riskLabel,
        blocked: a.actionType.blocked,
        agentId: a.agentId,
        agentName: a.agent.name,
        confidence: a.confidence,
        level: a.levelAtRequest,
        reason: a.routeReason,
        rationale: a.rationale ? a.rationale.slice(0, RATIONALE_PREVIEW) : null,
        subject: a.subjectKey,
        preview: payloadSummary(a.proposedPayload),
        createdAt: a.createdAt.toISOString(),
        dueAt: a.dueAt?.toISOString() ?? null,
        escalatedAt: a.escalatedAt?.toISOString() ?? null,
        claimedBy: claimLive ? CLAIM_LABEL(a.claimedBy) : null,
        claimExpiresAt: claimLive ? a.claimExpiresAt!.toISOString() : null,
      };
    }),
  };
}
