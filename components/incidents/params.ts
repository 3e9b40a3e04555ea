// The incidents list's filters live in the URL (shareable, kept on reload).
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from "@/lib/incidents/schemas";

export type IncidentStatusFilter = (typeof INCIDENT_STATUSES)[number] | "active" | "all";
export type IncidentFilters = { status: IncidentStatusFilter; kind?: string; agentId?: string; severity?: (typeof INCIDENT_SEVERITIES)[number]; cursor?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES: readonly string[] = [...INCIDENT_STATUSES, "active", "all"];

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s : undefined;
}

/** Filters from a URL; unknown or malformed values are dropped rather than failing the page. Default: what still needs someone. */
export function incidentFiltersFrom(params: Params): IncidentFilters {
  const status = read(params, "status");
  const kind = read(params, "kind");
  const agentId = read(params, "agentId");
  const severity = read(params, "severity");
  const cursor = read(params, "cursor");
  return {
    status: status && STATUSES.includes(status) ? (status as IncidentStatusFilter) : "active",
    kind: kind && /^[a-z][a-z0-9_.]{0,63}$/.test(kind) ? kind : undefined,
    agentId: agentId && UUID.test(agentId) ? agentId : undefined,
    severity: (INCIDENT_SEVERITIES as readonly string[]).includes(severity ?? "") ? (severity as IncidentFilters["severity"]) : undefined,
    cursor: cursor && cursor.length <= 200 ? cursor : undefined,
  };
}

/** The query for listIncidents. */
export function toListQuery(f: IncidentFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.status !== "all") q.status = f.status;
  if (f.kind) q.kind = f.kind;
  if (f.agentId) q.agentId = f.agentId;
  if (f.severity) q.severity = f.severity;
  if (f.cursor) q.cursor = f.cursor;
  return q;
}

/** The URL of the list with these filters (the default status is left out). */
export function incidentsHref(f: IncidentFilters): string {
  const q = new URLSearchParams();
  if (f.status !== "active") q.set("status", f.status);
  if (f.kind) q.set("kind", f.kind);
  if (f.agentId) q.set("agentId", f.agentId);
  if (f.severity) q.set("severity", f.severity);
  if (f.cursor) q.set("cursor", f.cursor);
  const s = q.toString();
  return s ? `/incidents?${s}` : "/incidents";
}
