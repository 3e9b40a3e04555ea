import "server-only";
import { listActionTypes } from "@/lib/action-types";
import { listAgents } from "@/lib/agents";
import { hasRole, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { effectiveLevel, type Level } from "@/lib/policy";
import { listQueue } from "@/lib/review";
import { PAGE_SIZE, filtersFrom, type QueueKind } from "./queue-params";

/** What a viewer reads under a queue's title: they see the items, and cannot act on them. */
export const READ_ONLY = "Read-only for you: deciding needs the reviewer role.";

/** What a queue page renders first: page one for the URL's filters, and the filters' choices. */
export async function loadQueuePage(db: Db, actor: Actor, kind: QueueKind, params: Record<string, string | string[] | undefined>) {
  const filters = filtersFrom(params);
  const [initial, agents, types] = await Promise.all([
    listQueue(db, actor, { kind, ...filters, limit: PAGE_SIZE }),
    listAgents(db, actor),
    listActionTypes(db, actor),
  ]);
  return {
    initial,
    initialFilters: filters,
    viewer: { me: actor.name ?? actor.email, id: actor.id, canDecide: hasRole(actor.role, "reviewer"), isManager: hasRole(actor.role, "manager") },
    options: {
      agents: agents.map((a) => ({ id: a.id, name: a.name })),
      types: types
        .filter((t) => (kind === "approval" ? t.pendingApprovals : t.pendingDrafts) > 0 || effectiveLevel(t.level as Level, t.blocked) === (kind === "approval" ? 2 : 3))
        .map((t) => ({ key: t.key, pending: kind === "approval" ? t.pendingApprovals : t.pendingDrafts })),
    },
  };
}
