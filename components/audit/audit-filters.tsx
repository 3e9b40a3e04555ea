import type { AuditLogQuery } from "@/lib/audit/schemas";
import { Button, ButtonLink } from "../ui/button";
import { Input } from "../ui/input";
import { Label } from "../ui/label";
import { KIND_SUGGESTIONS } from "./kinds";

/** A datetime-local value (UTC, minutes) for a time, as the filter shows it back. */
export const localValue = (d: Date | undefined) => (d ? d.toISOString().slice(0, 16) : "");

function Filter({ id, label, className, ...input }: { id: string; label: string; className: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={className}>
      <Label htmlFor={id} className="mb-1 text-xs font-medium text-zinc-500">
        {label}
      </Label>
      <Input id={id} controlSize="sm" {...input} />
    </div>
  );
}

/**
 * The log's filters as a plain GET form: the URL is the state, so a filtered view can be shared
 * and works before any script loads.
 */
export function AuditFilters({ query }: { query: AuditLogQuery }) {
  const active = Boolean(query.actor || query.target || query.kind || query.from || query.to);
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-3">
      <Filter id="audit-actor" name="actor" label="Actor" className="w-40" defaultValue={query.actor ?? ""} placeholder="E-mail, agent name, id" />
      <Filter id="audit-target" name="target" label="Subject" className="w-52" defaultValue={query.target ?? ""} placeholder="Action id, type key, agent id…" />
      <Filter id="audit-kind" name="kind" label="Kind" className="w-40" defaultValue={query.kind ?? ""} placeholder="action.approved or action." list="audit-kinds" />
      <datalist id="audit-kinds">
        {KIND_SUGGESTIONS.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <Filter id="audit-from" name="from" label="From (UTC)" className="w-44" type="datetime-local" defaultValue={localValue(query.from)} />
      <Filter id="audit-to" name="to" label="To (UTC)" className="w-44" type="datetime-local" defaultValue={localValue(query.to)} />
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="primary">
          Apply
        </Button>
        {active ? (
          <ButtonLink href="/audit" size="sm" variant="ghost">
            Clear
          </ButtonLink>
        ) : null}
      </div>
    </form>
  );
}
