import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { decodeCursor, encodeCursor } from "../db/keyset";
import type { Prisma } from "../generated/prisma/client";
import { ACTION_SINCE, actionsQuery, type ActionListPage } from "./schemas";

/** Counting stops here: "10,000+" is as useful as the exact figure and costs a bounded scan. */
export const ACTIONS_COUNT_CAP = 10_000;
const RATIONALE_PREVIEW = 240;

/**
 * What a search box on the Actions page can name: a UUID is an action or a run; anything else
 * is a subject or a run's external id. Exact matches only, so each is one index probe
 * (docs/data-model.md lists the indexes). The runs are looked up first: an OR across the join
 * would make Postgres walk every action instead of probing two indexes.
 */
export async function actionSearchWhere(db: DbTx, q: string): Promise<Prisma.ActionWhereInput> {
  if (isUuid(q)) return { OR: [{ id: q.toLowerCase() }, { runId: q.toLowerCase() }] };
  const runs = await db.run.findMany({ where: { externalId: q }, select: { id: true }, take: 100 });
  return runs.length ? { OR: [{ subjectKey: q }, { runId: { in: runs.map((r) => r.id) } }] } : { subjectKey: q };
}

/**
 * One page of every action, newest first, filtered in the database and paginated by keyset on
 * (created_at, id). Every role may read it, as they may read each action.
 */
export async function listActions(db: DbTx, actor: Actor, raw: unknown, now = new Date()): Promise<ActionListPage> {
  assertRole(actor, "viewer", "see actions");
  const q = actionsQuery.parse(raw);
  const filters: Prisma.ActionWhereInput[] = [];
  if (q.status) filters.push({ status: q.status });
  if (q.decision) filters.push({ route: q.decision });
  if (q.level !== undefined) filters.push({ levelAtRequest: q.level });
  if (q.type) filters.push({ actionType: { key: q.type } });
  if (q.agentId) filters.push({ agentId: q.agentId });
  if (q.reviewerId) filters.push({ decidedById: q.reviewerId });
  if (q.since) filters.push({ createdAt: { gte: new Date(now.getTime() - ACTION_SINCE[q.since] * 1000) } });
  if (q.q) filters.push(await actionSearchWhere(db, q.q));
  const where: Prisma.ActionWhereInput = { AND: filters };
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const keyset: Prisma.ActionWhereInput | null = after
    ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
    : null;

  const [rows, counted] = await Promise.all([
    db.action.findMany({
      where: keyset ? { AND: [...filters, keyset] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: q.limit + 1,
      select: {
        id: true,
        agentId: true,
        status: true,
        route: true,
        outcome: true,
        levelAtRequest: true,
        subjectKey: true,
        rationale: true,
        confidence: true,
        runId: true,
        decidedAt: true,
        createdAt: true,
        actionType: { select: { key: true } },
        agent: { select: { name: true } },
        decidedBy: { select: { name: true, email: true } },
      },
    }),
    db.action.count({ where, take: ACTIONS_COUNT_CAP + 1 }),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    total: Math.min(counted, ACTIONS_COUNT_CAP),
    totalCapped: counted > ACTIONS_COUNT_CAP,
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    items: page.map((a) => ({
      id: a.id,
      type: a.actionType.key,
      agentId: a.agentId,
      agentName: a.agent.name,
      status: a.status,
      route: a.route,
      outcome: a.outcome,
      level: a.levelAtRequest,
      subject: a.subjectKey,
      rationale: a.rationale ? a.rationale.slice(0, RATIONALE_PREVIEW) : null,
      confidence: a.confidence,
      runId: a.runId,
      decidedBy: a.decidedBy ? (a.decidedBy.name ?? a.decidedBy.email) : null,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}
