// The Actions page's filters live in the URL (shareable, survive reloads); the server reads
// the same names (lib/actions/schemas.ts actionsQuery).
import { ACTION_ROUTES, ACTION_SINCE, ACTION_STATUSES } from "@/lib/actions/schemas";

export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ActionRoute = (typeof ACTION_ROUTES)[number];
export type ActionSince = keyof typeof ACTION_SINCE;
export type ActionFilters = {
  q?: string;
  status?: ActionStatus;
  decision?: ActionRoute;
  level?: number;
  type?: string;
  agentId?: string;
  reviewerId?: string;
  since?: ActionSince;
};

export { ACTION_ROUTES, ACTION_STATUSES };
export const PAGE_SIZE = 50;

export const STATUS_NAMES: Record<ActionStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
  executed: "Executed",
  failed: "Execution failed",
  drafted: "Draft recorded",
  discarded: "Discarded",
  halted: "Halted",
  cancelled: "Withdrawn by the agent",
};

/** What the policy decided when the agent asked, in a reviewer's words. */
export const ROUTE_NAMES: Record<ActionRoute, string> = {
  execute: "Allowed to act",
  approval: "Sent for approval",
  draft: "Draft for a person",
  rejected: "Refused (schema)",
  halted: "Halted",
};

export const SINCE_NAMES: Record<ActionSince, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s : undefined;
}

function oneOf<T extends string>(list: readonly T[], v: string | undefined): T | undefined {
  return (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
}

/** Filters from a URL; unknown or malformed values are dropped rather than failing the page. */
export function actionFiltersFrom(params: Params): ActionFilters {
  const q = read(params, "q")?.trim().slice(0, 200);
  const level = Number(read(params, "level"));
  const type = read(params, "type");
  const agentId = read(params, "agentId");
  const reviewerId = read(params, "reviewerId");
  return {
    q: q || undefined,
    status: oneOf(ACTION_STATUSES, read(params, "status")),
    decision: oneOf(ACTION_ROUTES, read(params, "decision")),
    level: Number.isInteger(level) && level >= 0 && level <= 3 && read(params, "level") !== undefined ? level : undefined,
    type: type && type.length <= 100 ? type : undefined,
    agentId: agentId && UUID.test(agentId) ? agentId : undefined,
    reviewerId: reviewerId && UUID.test(reviewerId) ? reviewerId : undefined,
    since: oneOf(Object.keys(ACTION_SINCE) as ActionSince[], read(params, "since")),
  };
}

export function hasActionFilters(f: ActionFilters): boolean {
  return Object.values(f).some((v) => v !== undefined);
}

function toParams(f: ActionFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p;
}

/** The filters as a query string ("" when there are none). */
export function actionFiltersQuery(f: ActionFilters): string {
  const s = toParams(f).toString();
  return s ? `?${s}` : "";
}

export function actionsApiPath(f: ActionFilters, cursor: string | null): string {
  const p = toParams(f);
  p.set("limit", String(PAGE_SIZE));
  if (cursor) p.set("cursor", cursor);
  return `/api/console/actions?${p}`;
}

/** The Actions page narrowed to what one search names (an action, a run, a subject). */
export function actionsSearchHref(q: string): string {
  return `/actions${actionFiltersQuery({ q })}`;
}
