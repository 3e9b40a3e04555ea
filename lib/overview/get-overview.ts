import type { Actor } from "../auth/roles";
import type { DbTx } from "../db/client";

export type Overview = {
  agents: number;
  activeKeys: number;
  runs24h: number;
  pendingActions: number;
  openIncidents: number;
  cost24hMicros: number;
  recentRuns: { id: string; agentId: string; agentName: string; status: string; startedAt: string; costMicros: number; spanCount: number }[];
};

/** The numbers on the overview page; every signed-in role may see them. */
export async function getOverview(db: DbTx, _actor: Actor, now = new Date()): Promise<Overview> {
  const since = new Date(now.getTime() - 24 * 3600_000);
  const [agents, activeKeys, runs24h, pendingActions, openIncidents, cost, recent] = await Promise.all([
    db.agent.count(),
    db.apiKey.count({ where: { revokedAt: null } }),
    db.run.count({ where: { startedAt: { gte: since } } }),
    db.action.count({ where: { status: "pending" } }),
    db.incident.count({ where: { status: "open" } }),
    db.run.aggregate({ where: { startedAt: { gte: since } }, _sum: { costMicros: true } }),
    db.run.findMany({ orderBy: { startedAt: "desc" }, take: 10, include: { agent: { select: { name: true } } } }),
  ]);
  return {
    agents,
    activeKeys,
    runs24h,
    pendingActions,
    openIncidents,
    cost24hMicros: Number(cost._sum.costMicros ?? 0n),
    recentRuns: recent.map((r) => ({
      id: r.id,
      agentId: r.agentId,
      agentName: r.agent.name,
      status: r.status,
      startedAt: r.startedAt.toISOString(),
      costMicros: Number(r.costMicros),
      spanCount: r.spanCount,
    })),
  };
}
