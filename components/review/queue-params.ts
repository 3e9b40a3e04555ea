// The queue's filters live in the URL (shareable, survive reloads) and travel with the reviewer
// from the list to an action page and on to the next item.
import { RISK_LABELS } from "@/lib/action-types/schemas";
import { AGE_FILTERS, type QueueItem, type QueuePage } from "@/lib/review/schemas";
import { api } from "../api";

export type QueueKind = "approval" | "draft";
export type RiskLabel = (typeof RISK_LABELS)[number];
export type AgeFilter = keyof typeof AGE_FILTERS;
export type QueueSort = "oldest" | "newest";
export type QueueFilters = { q?: string; agentId?: string; type?: string; risk?: RiskLabel; olderThan?: AgeFilter; sort: QueueSort };

export const LIST_PATH: Record<QueueKind, string> = { approval: "/queue", draft: "/drafts" };
export const LIST_LABEL: Record<QueueKind, string> = { approval: "Approvals", draft: "Drafts" };
export const AGE_LABELS: Record<AgeFilter, string> = { "1h": "Waiting over 1 hour", "24h": "Waiting over 24 hours", "7d": "Waiting over 7 days" };
export { RISK_LABELS };
export const PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s : undefined;
}

/** Filters from a URL; unknown or malformed values are dropped rather than failing the page. */
export function filtersFrom(params: Params): QueueFilters {
  const agentId = read(params, "agentId");
  const type = read(params, "type");
  const risk = read(params, "risk");
  const olderThan = read(params, "olderThan");
  const q = read(params, "q")?.trim().slice(0, 200);
  return {
    q: q || undefined,
    agentId: agentId && UUID.test(agentId) ? agentId : undefined,
    type: type && type.length <= 100 ? type : undefined,
    risk: (RISK_LABELS as readonly string[]).includes(risk ?? "") ? (risk as RiskLabel) : undefined,
    olderThan: olderThan && olderThan in AGE_FILTERS ? (olderThan as AgeFilter) : undefined,
    sort: read(params, "sort") === "newest" ? "newest" : "oldest",
  };
}

export function hasFilters(f: QueueFilters): boolean {
  return Boolean(f.q || f.agentId || f.type || f.risk || f.olderThan);
}

/** The filters as a query string, defaults left out ("" when there are none). */
export function filtersQuery(f: QueueFilters): string {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.agentId) p.set("agentId", f.agentId);
  if (f.type) p.set("type", f.type);
  if (f.risk) p.set("risk", f.risk);
  if (f.olderThan) p.set("olderThan", f.olderThan);
  if (f.sort !== "oldest") p.set("sort", f.sort);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function actionHref(id: string, f: QueueFilters): string {
  return `/actions/${encodeURIComponent(id)}${filtersQuery(f)}`;
}

export function queueApiPath(kind: QueueKind, f: QueueFilters, page: { cursor?: string | null; limit?: number; sort?: QueueSort } = {}): string {
  const p = new URLSearchParams({ kind, sort: page.sort ?? f.sort, limit: String(page.limit ?? PAGE_SIZE) });
  if (f.q) p.set("q", f.q);
  if (f.agentId) p.set("agentId", f.agentId);
  if (f.type) p.set("type", f.type);
  if (f.risk) p.set("risk", f.risk);
  if (f.olderThan) p.set("olderThan", f.olderThan);
  if (page.cursor) p.set("cursor", page.cursor);
  return `/api/console/queue?${p}`;
}

/**
 * A keyset cursor positioned at an item, so "the item after this one" is one indexed query even
 * deep in a 10,000-item queue. Mirrors encodeCursor in lib/db/keyset.ts (base64url of
 * "createdAt|id").
 */
export function cursorAt(createdAt: string, id: string): string {
  return btoa(`${createdAt}|${id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The pending item next to `from` in the queue's order (`direction` "next" follows the sort,
 * "previous" goes against it), or null at the end. `prefer` picks among the first few, e.g. to
 * skip items another reviewer has open.
 */
export async function neighbour(
  kind: QueueKind,
  f: QueueFilters,
  from: { id: string; createdAt: string },
  direction: "next" | "previous",
  prefer?: (item: QueueItem) => boolean,
): Promise<QueueItem | null> {
  const sort: QueueSort = direction === "next" ? f.sort : f.sort === "oldest" ? "newest" : "oldest";
  const page = await api<QueuePage>(queueApiPath(kind, f, { cursor: cursorAt(from.createdAt, from.id), sort, limit: prefer ? 10 : 1 }));
  const items = page.items.filter((i) => i.id !== from.id);
  return (prefer ? items.find(prefer) : undefined) ?? items[0] ?? null;
}

/** The item to open after deciding one: the next in order, else the first still waiting, else none. */
export async function nextAfterDecision(
  kind: QueueKind,
  f: QueueFilters,
  from: { id: string; createdAt: string },
  prefer: (item: QueueItem) => boolean,
): Promise<QueueItem | null> {
  const next = await neighbour(kind, f, from, "next", prefer);
  if (next) return next;
  // Wrap around: older items may still be waiting (skipped, or released by someone else).
  const first = await api<QueuePage>(queueApiPath(kind, f, { limit: 10 }));
  const items = first.items.filter((i) => i.id !== from.id);
  return items.find(prefer) ?? items[0] ?? null;
}
