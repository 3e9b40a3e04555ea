"use client";

import { Button } from "../ui/button";
import { SearchInput } from "../ui/search-input";
import { SelectFilter, type Option } from "../ui/select-filter";
import { AGE_LABELS, RISK_LABELS, hasFilters, type AgeFilter, type QueueFilters, type QueueSort, type RiskLabel } from "./queue-params";

export type FilterOptions = { agents: { id: string; name: string }[]; types: { key: string; pending: number }[] };

const RISK_NAMES: Record<RiskLabel, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

const RISK_OPTIONS: Option[] = RISK_LABELS.map((r) => ({ value: r, label: RISK_NAMES[r] }));
const AGE_OPTIONS: Option[] = (Object.keys(AGE_LABELS) as AgeFilter[]).map((a) => ({ value: a, label: AGE_LABELS[a] }));
const SORT_OPTIONS: Option[] = [
  { value: "oldest", label: "Oldest first" },
  { value: "newest", label: "Newest first" },
];

/** The queue's filters; every change is written to the URL by the caller. */
export function QueueFilterBar({
  filters,
  options,
  onChange,
}: {
  filters: QueueFilters;
  options: FilterOptions;
  onChange: (next: QueueFilters) => void;
}) {
  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => onChange({ ...filters, [key]: value });
  // A filter from a shared link may name a type that has no pending item left; keep it selectable.
  const typeKeys = options.types.some((t) => t.key === filters.type) || !filters.type ? options.types : [...options.types, { key: filters.type, pending: 0 }];
  const typeOptions = typeKeys.map((t) => ({ value: t.key, label: t.pending ? `${t.key} (${t.pending})` : t.key }));
  const agentOptions = options.agents.map((a) => ({ value: a.id, label: a.name }));
  return (
    <div className="grid grid-cols-2 items-end gap-3 border-b border-zinc-200 px-4 py-3 sm:flex sm:flex-wrap" role="group" aria-label="Filters">
      <SearchInput
        id="filter-search"
        label="Search"
        placeholder="Rationale, subject, type or agent"
        className="col-span-2 sm:w-64"
        value={filters.q}
        onChange={(v) => set("q", v)}
      />
      <SelectFilter id="filter-agent" label="Agent" className="sm:w-44" value={filters.agentId} all="All agents" options={agentOptions} onChange={(v) => set("agentId", v)} />
      <SelectFilter id="filter-type" label="Action type" className="sm:w-56" value={filters.type} all="All action types" options={typeOptions} onChange={(v) => set("type", v)} />
      <SelectFilter id="filter-risk" label="Risk" className="sm:w-32" value={filters.risk} all="Any risk" options={RISK_OPTIONS} onChange={(v) => set("risk", v as RiskLabel | undefined)} />
      <SelectFilter id="filter-age" label="Age" className="sm:w-48" value={filters.olderThan} all="Any age" options={AGE_OPTIONS} onChange={(v) => set("olderThan", v as AgeFilter | undefined)} />
      <SelectFilter id="filter-sort" label="Order" className="sm:w-36" value={filters.sort} options={SORT_OPTIONS} onChange={(v) => set("sort", v as QueueSort)} />
      {hasFilters(filters) ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({ sort: filters.sort })}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
