import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import type { AgentActivity } from "./schemas";

const WEEK_MS = 7 * 86400_000;
const RECENT = 10;

/**
 * What one agent has been doing: runs, failures, spend and actions over the last 7 days, what
 * waits for a person now, and its latest runs and actions. Every query starts from the agent's
 * (agent_id, time) indexes. Every role may read it.
 */
export async function getAgentActivity(db: DbTx, actor: Actor, agentId: string, now = new Date()): Promise<AgentActivity> {
  assertRole(actor, "viewer", "see agents");
  if (!isUuid(agentId) || !(await db.agent.findUnique({ where: { id: agentId }, select: { id: true } }))) throw new NotFoundError("Agent");
  const since = new Date(now.getTime() - WEEK_MS);
  const [runsByStatus, actions, pendingActions, recentRuns, recentActions] = await Promise.all([
    db.run.groupBy({ by: ["status"], where: { agentId, startedAt: { gte: since } }, _count: { _all: true }, _sum: { costMicros: true } }),
    db.action.count({ where: { agentId, createdAt: { gte: since } } }),
    db.action.count({ where: { agentId, status: "pending" } }),
    db.run.findMany({
      where: { agentId },
      orderBy: { startedAt: "desc" },
      take: RECENT,
      select: { id: true, externalId: true, status: true, startedAt: true, spanCount: true, costMicros: true, error: true, haltReason: true },
    }),
    db.action.findMany({
      where: { agentId },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: { id: true, status: true, route: true, outcome: true, subjectKey: true, createdAt: true, actionType: { select: { key: true } } },
    }),
  ]);
  const count = (statuses: string[]) => runsByStatus.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
  return {
    window: "7d",
    runs: count(["running", "succeeded", "failed", "halted"]),
    failedRuns: count(["failed", "halted"]),
    costMicros: runsByStatus.reduce((n, g) => n + Number(g._sum.costMicros ?? 0n), 0),
    actions,
    pendingActions,
    recentRuns: recentRuns.map((r) => ({
      id: r.id,
      externalId: r.externalId,
      status: r.status,
      startedAt: r.startedAt.toISOString(),
      spanCount: r.spanCount,
      costMicros: Number(r.costMicros),
      error: r.error ?? r.haltReason,
    })),
    recentActions: recentActions.map((a) => ({
      id: a.id,
      type: a.actionType.key,
      status: a.status,
      route: a.route,
      outcome: a.outcome,
      subject: a.subjectKey,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}
