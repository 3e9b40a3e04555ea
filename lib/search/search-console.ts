import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { searchQuery, type SearchHit, type SearchResult } from "./schemas";

/**
 * The console's jump-to search (⌘K): actions, runs, agents and action types by id or name.
 * Ids, subjects and external ids match exactly (index probes on the big tables); agent names
 * and type keys, a few hundred rows at most, match any part, ignoring case. Every role may
 * search: each hit leads to a page that role may read.
 */
export async function searchConsole(db: DbTx, actor: Actor, raw: unknown): Promise<SearchResult> {
  assertRole(actor, "viewer", "search the console");
  const { q, limit } = searchQuery.parse(raw);
  const id = isUuid(q) ? q.toLowerCase() : null;
  const [actions, runs, agents, types] = await Promise.all([
    db.action.findMany({
      where: id ? { id } : { subjectKey: q },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, status: true, subjectKey: true, createdAt: true, actionType: { select: { key: true } }, agent: { select: { name: true } } },
    }),
    db.run.findMany({
      where: id ? { id } : { externalId: q },
      orderBy: { startedAt: "desc" },
      take: limit,
      select: { id: true, status: true, externalId: true, startedAt: true, agent: { select: { name: true } } },
    }),
    db.agent.findMany({
      where: id ? { id } : { name: { contains: q, mode: "insensitive" } },
      orderBy: { name: "asc" },
      take: limit,
      select: { id: true, name: true, status: true },
    }),
    id
      ? Promise.resolve([])
      : db.actionType.findMany({ where: { key: { contains: q, mode: "insensitive" } }, orderBy: { key: "asc" }, take: limit, select: { key: true, level: true } }),
  ]);
  const hits: SearchHit[] = [
    ...actions.map((a) => ({
      kind: "action" as const,
      id: a.id,
      title: a.subjectKey ? `${a.actionType.key} · ${a.subjectKey}` : a.actionType.key,
      detail: `${a.status} · ${a.agent.name}`,
      at: a.createdAt.toISOString(),
    })),
    ...runs.map((r) => ({
      kind: "run" as const,
      id: r.id,
      title: r.externalId ? `Run ${r.externalId}` : `Run ${r.id.slice(0, 8)}`,
      detail: `${r.status} · ${r.agent.name}`,
      at: r.startedAt.toISOString(),
    })),
    ...agents.map((a) => ({ kind: "agent" as const, id: a.id, title: a.name, detail: a.status, at: null })),
    ...types.map((t) => ({ kind: "actionType" as const, id: t.key, title: t.key, detail: `level ${t.level}`, at: null })),
  ];
  return { q, hits };
}
