import type { Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { NotFoundError } from "../errors";
import { eligibility, LEVEL_NAMES, type Eligibility, type Level } from "./eligibility";
import type { Evidence } from "./evidence";
import { loadEvidence } from "./load-evidence";
import { effectiveThresholds, type Thresholds } from "./thresholds";
import { toChangeView } from "./change-level";
import type { AutonomyChangeView } from "./schemas";

export type BoardType = {
  id: string;
  key: string;
  description: string | null;
  /** The type's own level, as promotions and demotions set it. */
  level: Level;
  /** The level the policy acts at: a blocked type is held at level 2 (see eligibility). */
  effectiveLevel: Level;
  levelName: string;
  blocked: boolean;
  riskLabel: string | null;
  evidence: Evidence;
  eligibility: Eligibility;
  thresholds: Thresholds;
  pendingRequest: AutonomyChangeView | null;
};

/** The autonomy board: every type with its evidence and eligibility (every signed-in role may look). */
export async function getAutonomyBoard(db: DbTx, _actor: Actor): Promise<BoardType[]> {
  const [types, evidence, pending] = await Promise.all([
    db.actionType.findMany({ orderBy: { key: "asc" } }),
    loadEvidence(db),
    db.autonomyChange.findMany({ where: { status: "pending" } }),
  ]);
  const pendingViews = new Map(await Promise.all(pending.map(async (p) => [p.actionTypeId, await toChangeView(db, p)] as const)));
  return types.map((t) => {
    const ev = evidence.get(t.id)!;
    const th = effectiveThresholds(t.promotionThresholds);
    const level = t.level as Level;
    const e = eligibility(level, ev, th, { blocked: t.blocked });
    return {
      id: t.id,
      key: t.key,
      description: t.description,
      level,
      effectiveLevel: e.effectiveLevel,
      levelName: LEVEL_NAMES[level],
      blocked: t.blocked,
      riskLabel: t.riskLabel,
      evidence: ev,
      eligibility: e,
      thresholds: th,
      pendingRequest: pendingViews.get(t.id) ?? null,
    };
  });
}

/** One type's autonomy timeline (newest first) and its daily evidence for the charts. */
export async function getAutonomyHistory(db: DbTx, _actor: Actor, key: string, days = 30, now = new Date()) {
  const t = await db.actionType.findUnique({ where: { key } });
  if (!t) throw new NotFoundError("Action type");
  const since = new Date(now.getTime() - (days - 1) * 86400_000);
  const [changes, daily] = await Promise.all([
    db.autonomyChange.findMany({ where: { actionTypeId: t.id }, orderBy: { createdAt: "desc" } }),
    // A day's counters are spread over shard rows: sum them.
    db.evidenceDaily.groupBy({
      by: ["day"],
      where: { actionTypeId: t.id, day: { gte: new Date(since.toISOString().slice(0, 10)) } },
      _sum: { requests: true, reviewed: true, accepted: true, executions: true, failedExecutions: true },
    }),
  ]);
  const byDay = new Map(daily.map((d) => [d.day.toISOString().slice(0, 10), d._sum]));
  const series = Array.from({ length: days }, (_, i) => {
    const day = new Date(since.getTime() + i * 86400_000).toISOString().slice(0, 10);
    const d = byDay.get(day);
    const reviewed = d?.reviewed ?? 0;
    return {
      day,
      requests: d?.requests ?? 0,
      reviewed,
      acceptanceRate: reviewed > 0 ? (d?.accepted ?? 0) / reviewed : null,
      executions: d?.executions ?? 0,
      failedExecutions: d?.failedExecutions ?? 0,
    };
  });
  return { key: t.key, level: t.level as Level, changes: await Promise.all(changes.map((c) => toChangeView(db, c))), series };
}
