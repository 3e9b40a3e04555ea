"use client";

import { Button } from "../ui/button";
import { Select } from "../ui/input";
import { Label } from "../ui/label";
import { AGE_LABELS, RISK_LABELS, hasFilters, type AgeFilter, type QueueFilters, type QueueSort, type RiskLabel } from "./queue-params";

export type FilterOptions = { agents: { id: string; name: string }[]; types: { key: string; pending: number }[] };

const RISK_NAMES: Record<RiskLabel, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

function Filter({ id, label, className, children }: { id: string; label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <Label htmlFor={id} className="mb-1 text-xs font-medium text-zinc-500">
        {label}
      </Label>
      {children}
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
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-3" role="group" aria-label="Filters">
      <Filter id="filter-agent" label="Agent" className="w-44">
        <Select id="filter-agent" controlSize="sm" value={filters.agentId ?? ""} onChange={(e) => set("agentId", e.target.value || undefined)}>
          <option value="">All agents</option>
          {options.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </Filter>
      <Filter id="filter-type" label="Action type" className="w-56">
        <Select id="filter-type" controlSize="sm" value={filters.type ?? ""} onChange={(e) => set("type", e.target.value || undefined)}>
          <option value="">All action types</option>
          {typeKeys.map((t) => (
            <option key={t.key} value={t.key}>
              {t.key}
              {t.pending ? ` (${t.pending})` : ""}
            </option>
          ))}
        </Select>
      </Filter>
      <Filter id="filter-risk" label="Risk" className="w-32">
        <Select id="filter-risk" controlSize="sm" value={filters.risk ?? ""} onChange={(e) => set("risk", (e.target.value || undefined) as RiskLabel | undefined)}>
          <option value="">Any risk</option>
          {RISK_LABELS.map((r) => (
            <option key={r} value={r}>
              {RISK_NAMES[r]}
            </option>
          ))}
        </Select>
      </Filter>
      <Filter id="filter-age" label="Age" className="w-48">
        <Select id="filter-age" controlSize="sm" value={filters.olderThan ?? ""} onChange={(e) => set("olderThan", (e.target.value || undefined) as AgeFilter | undefined)}>
          <option value="">Any age</option>
          {(Object.keys(AGE_LABELS) as AgeFilter[]).map((a) => (
            <option key={a} value={a}>
              {AGE_LABELS[a]}
            </option>
          ))}
        </Select>
      </Filter>
      <Filter id="filter-sort" label="Order" className="w-36">
        <Select id="filter-sort" controlSize="sm" value={filters.sort} onChange={(e) => set("sort", e.target.value as QueueSort)}>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
        </Select>
      </Filter>
      {hasFilters(filters) ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({ sort: filters.sort })}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
