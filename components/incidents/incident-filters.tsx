"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { Button } from "../ui/button";
import { Select } from "../ui/input";
import { Label } from "../ui/label";
import { Spinner } from "../ui/spinner";
import { incidentsHref, type IncidentFilters } from "./params";

type Option = { value: string; label: string };

const STATUS_OPTIONS: Option[] = [
  { value: "active", label: "Open or acknowledged" },
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "Any state" },
];
const SEVERITY_OPTIONS: Option[] = [
  { value: "critical", label: "Critical" },
  { value: "warning", label: "Warning" },
  { value: "info", label: "Info" },
];

function SelectFilter({ id, label, className, value, all, options, onChange }: { id: string; label: string; className: string; value: string | undefined; all?: string; options: Option[]; onChange: (v: string | undefined) => void }) {
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

/** Filters by state, kind, agent and severity; each change goes to the URL (and back to page one). */
export function IncidentFilterBar({ filters: fromUrl, kinds, agents }: { filters: IncidentFilters; kinds: Option[]; agents: Option[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // What the selects show changes at once, so a second change made while the first page is still
  // loading builds on it instead of on the URL the server rendered.
  const [filters, setFilters] = useOptimistic(fromUrl);
  const go = (next: Partial<IncidentFilters>) => {
    const target = { ...filters, ...next, cursor: undefined };
    startTransition(() => {
      setFilters(target);
      router.push(incidentsHref(target));
    });
  };
  const kindOptions = filters.kind && !kinds.some((k) => k.value === filters.kind) ? [...kinds, { value: filters.kind, label: filters.kind }] : kinds;
  const filtered = filters.status !== "active" || filters.kind || filters.agentId || filters.severity;
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-3" role="group" aria-label="Filters">
      <SelectFilter id="filter-status" label="State" className="w-48" value={filters.status} options={STATUS_OPTIONS} onChange={(v) => go({ status: (v ?? "active") as IncidentFilters["status"] })} />
      <SelectFilter id="filter-kind" label="Kind" className="w-52" value={filters.kind} all="All kinds" options={kindOptions} onChange={(v) => go({ kind: v })} />
      <SelectFilter id="filter-agent" label="Agent" className="w-44" value={filters.agentId} all="All agents" options={agents} onChange={(v) => go({ agentId: v })} />
      <SelectFilter id="filter-severity" label="Severity" className="w-32" value={filters.severity} all="Any severity" options={SEVERITY_OPTIONS} onChange={(v) => go({ severity: v as IncidentFilters["severity"] })} />
      {filtered ? (
        <Button size="sm" variant="ghost" onClick={() => go({ status: "active", kind: undefined, agentId: undefined, severity: undefined })}>
          Clear filters
        </Button>
      ) : null}
      {pending ? <Spinner className="mb-1.5 text-zinc-400" /> : null}
    </div>
  );
}
