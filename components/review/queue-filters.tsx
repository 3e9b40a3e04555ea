"use client";

import { Button } from "../ui/button";
import { Select } from "../ui/input";
import { Label } from "../ui/label";
import { AGE_LABELS, RISK_LABELS, hasFilters, type AgeFilter, type QueueFilters, type QueueSort, type RiskLabel } from "./queue-params";

export type FilterOptions = { agents: { id: string; name: string }[]; types: { key: string; pending: number }[] };

const RISK_NAMES: Record<RiskLabel, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

type Option = { value: string; label: string };

const RISK_OPTIONS: Option[] = RISK_LABELS.map((r) => ({ value: r, label: RISK_NAMES[r] }));
const AGE_OPTIONS: Option[] = (Object.keys(AGE_LABELS) as AgeFilter[]).map((a) => ({ value: a, label: AGE_LABELS[a] }));
const SORT_OPTIONS: Option[] = [
  { value: "oldest", label: "Oldest first" },
  { value: "newest", label: "Newest first" },
];

/**
 * One of the bar's selects. `all` is the first option: no value, which drops the filter
 * (`onChange` gets undefined).
 */
function SelectFilter({
  id,
  label,
  className,
  value,
  all,
  options,
  onChange,
}: {
  id: string;
  label: string;
  className: string;
  value: string | undefined;
  all?: string;
  options: Option[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className={className}>
      <Label htmlFor={id} className="mb-1 text-xs font-medium text-zinc-500">
        {label}
      </Label>
      <Select id={id} controlSize="sm" value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

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
    <div className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-3" role="group" aria-label="Filters">
      <SelectFilter id="filter-agent" label="Agent" className="w-44" value={filters.agentId} all="All agents" options={agentOptions} onChange={(v) => set("agentId", v)} />
      <SelectFilter id="filter-type" label="Action type" className="w-56" value={filters.type} all="All action types" options={typeOptions} onChange={(v) => set("type", v)} />
      <SelectFilter id="filter-risk" label="Risk" className="w-32" value={filters.risk} all="Any risk" options={RISK_OPTIONS} onChange={(v) => set("risk", v as RiskLabel | undefined)} />
      <SelectFilter id="filter-age" label="Age" className="w-48" value={filters.olderThan} all="Any age" options={AGE_OPTIONS} onChange={(v) => set("olderThan", v as AgeFilter | undefined)} />
      <SelectFilter id="filter-sort" label="Order" className="w-36" value={filters.sort} options={SORT_OPTIONS} onChange={(v) => set("sort", v as QueueSort)} />
      {hasFilters(filters) ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({ sort: filters.sort })}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
