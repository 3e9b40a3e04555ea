"use client";

import { Button } from "../ui/button";
import { SearchInput } from "../ui/search-input";
import { SelectFilter, type Option } from "../ui/select-filter";
import {
  ACTION_ROUTES,
  ACTION_STATUSES,
  ROUTE_NAMES,
  SINCE_NAMES,
  STATUS_NAMES,
  hasActionFilters,
  type ActionFilters,
  type ActionRoute,
  type ActionSince,
  type ActionStatus,
} from "./action-params";

export type ActionFilterOptions = {
  agents: { id: string; name: string }[];
  types: string[];
  reviewers: { id: string; label: string }[];
};

const STATUS_OPTIONS: Option[] = ACTION_STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] }));
const ROUTE_OPTIONS: Option[] = ACTION_ROUTES.map((r) => ({ value: r, label: ROUTE_NAMES[r] }));
const LEVEL_OPTIONS: Option[] = [0, 1, 2, 3].map((l) => ({ value: String(l), label: `Level ${l}` }));
const SINCE_OPTIONS: Option[] = (Object.keys(SINCE_NAMES) as ActionSince[]).map((s) => ({ value: s, label: SINCE_NAMES[s] }));

/** The Actions page's search and filters; every change is written to the URL by the caller. */
export function ActionFilterBar({
  filters,
  options,
  onChange,
}: {
  filters: ActionFilters;
  options: ActionFilterOptions;
  onChange: (next: ActionFilters) => void;
}) {
  const set = <K extends keyof ActionFilters>(key: K, value: ActionFilters[K]) => onChange({ ...filters, [key]: value });
  // A shared link may name a type with no row any more; keep it selectable.
  const typeKeys = !filters.type || options.types.includes(filters.type) ? options.types : [...options.types, filters.type];
  return (
    <div className="space-y-3 border-b border-zinc-200 px-4 py-3" role="group" aria-label="Search and filters">
      <SearchInput
        id="actions-search"
        label="Find by action id, run id, subject or external id"
        placeholder="e.g. 3f2c… or ticket-4711"
        className="max-w-xl"
        value={filters.q}
        onChange={(v) => set("q", v)}
      />
      <div className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
        <SelectFilter id="actions-status" label="Status" className="sm:w-40" value={filters.status} all="Any status" options={STATUS_OPTIONS} onChange={(v) => set("status", v as ActionStatus | undefined)} />
        <SelectFilter id="actions-decision" label="Policy decision" className="sm:w-44" value={filters.decision} all="Any decision" options={ROUTE_OPTIONS} onChange={(v) => set("decision", v as ActionRoute | undefined)} />
        <SelectFilter id="actions-level" label="Level" className="sm:w-28" value={filters.level?.toString()} all="Any level" options={LEVEL_OPTIONS} onChange={(v) => set("level", v === undefined ? undefined : Number(v))} />
        <SelectFilter id="actions-type" label="Action type" className="sm:w-52" value={filters.type} all="All action types" options={typeKeys.map((k) => ({ value: k, label: k }))} onChange={(v) => set("type", v)} />
        <SelectFilter id="actions-agent" label="Agent" className="sm:w-44" value={filters.agentId} all="All agents" options={options.agents.map((a) => ({ value: a.id, label: a.name }))} onChange={(v) => set("agentId", v)} />
        <SelectFilter id="actions-reviewer" label="Decided by" className="sm:w-44" value={filters.reviewerId} all="Anyone" options={options.reviewers.map((r) => ({ value: r.id, label: r.label }))} onChange={(v) => set("reviewerId", v)} />
        <SelectFilter id="actions-since" label="Requested" className="sm:w-40" value={filters.since} all="Any time" options={SINCE_OPTIONS} onChange={(v) => set("since", v as ActionSince | undefined)} />
        {hasActionFilters(filters) ? (
          <Button size="sm" variant="ghost" onClick={() => onChange({})}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
