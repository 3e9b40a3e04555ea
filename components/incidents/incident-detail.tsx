import Link from "next/link";
import type { RunLimitsView } from "@/lib/budgets/schemas";
import type { IncidentView } from "@/lib/incidents/schemas";
import { GrantButton } from "../budgets/grant-button";
import { formatUsd } from "../budgets/money";
import { JsonBlock } from "../review/json-block";
import { Badge } from "../ui/badge";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Time } from "../ui/time";
import { IncidentStatusBadge, SeverityBadge } from "./badges";

const link = "rounded-sm font-medium text-accent-700 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500";

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 px-4 py-3">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-1 text-[13px] text-zinc-900">{children}</dd>
    </div>
  );
}

export function IncidentFacts({ incident }: { incident: IncidentView }) {
  return (
    <Card aria-label="Incident">
      <dl className="grid grid-cols-2 divide-zinc-200 md:grid-cols-5 md:divide-x">
        <Item label="Severity">
          <SeverityBadge severity={incident.severity} />
        </Item>
        <Item label="State">
          <IncidentStatusBadge status={incident.status} />
        </Item>
        <Item label="Kind">{incident.kindLabel}</Item>
        <Item label="Agent">
          {incident.agent ? (
            <Link href={`/agents/${incident.agent.id}`} className={link}>
              {incident.agent.name}
            </Link>
          ) : (
            <span className="text-zinc-400">—</span>
          )}
        </Item>
        <Item label={incident.actionType ? "Action type" : "Raised"}>
          {incident.actionType ? (
            <Link href={`/action-types/${encodeURIComponent(incident.actionType.key)}`} className={`${link} font-mono text-xs`}>
              {incident.actionType.key}
            </Link>
          ) : (
            <Time iso={incident.createdAt} />
          )}
        </Item>
      </dl>
    </Card>
  );
}

/** The run an incident is about, with the limits in effect and, for a manager, the grant. */
export function IncidentRun({ run, canGrant }: { run: RunLimitsView; canGrant: boolean }) {
  const halted = run.status === "halted" && run.haltRule !== null;
  return (
    <Card aria-labelledby="run-title">
      <CardHeader
        titleId="run-title"
        title="The run"
        description={halted ? "Halted by a breaker. A grant raises this run's limits and lets the agent's next batch continue." : undefined}
        actions={halted && canGrant ? <GrantButton run={run} size="md" /> : null}
      />
      <dl className="grid grid-cols-2 divide-zinc-200 md:grid-cols-5 md:divide-x">
        <Item label="Run ID">
          <span className="font-mono text-xs" title={run.id}>
            {run.id}
          </span>
        </Item>
        <Item label="Status">
          <Badge tone={run.status === "halted" ? "red" : run.status === "running" ? "blue" : "neutral"} dot>
            {run.status}
          </Badge>
        </Item>
        <Item label="Cost / budget">
          <span className="tabular-nums">
            {formatUsd(run.totals.costUsd)} / {formatUsd(run.budgets.costUsd)}
          </span>
        </Item>
        <Item label="Tokens / budget">
          <span className="tabular-nums">
            {run.totals.tokens.toLocaleString("en-US")} / {run.budgets.tokens === null ? "No limit" : run.budgets.tokens.toLocaleString("en-US")}
          </span>
        </Item>
        <Item label="Loop limit">
          {run.budgets.loopThreshold}
          {run.budgets.granted ? <span className="ml-1.5 text-xs text-zinc-500">(raised by a grant)</span> : null}
        </Item>
      </dl>
    </Card>
  );
}

export function IncidentTimeline({ incident }: { incident: IncidentView }) {
  const entries = [
    { key: "raised", at: incident.createdAt, text: "Raised", note: null as string | null },
    ...(incident.acknowledgedAt ? [{ key: "ack", at: incident.acknowledgedAt, text: `Acknowledged by ${incident.acknowledgedBy?.name ?? "someone"}`, note: incident.acknowledgeNote }] : []),
    ...(incident.resolvedAt ? [{ key: "res", at: incident.resolvedAt, text: `Resolved by ${incident.resolvedBy?.name ?? "someone"}`, note: incident.resolutionNote }] : []),
  ];
  return (
    <Card aria-labelledby="history-title">
      <CardHeader titleId="history-title" title="History" />
      <CardBody>
        <ol className="space-y-3" data-testid="incident-history">
          {entries.map((e) => (
            <li key={e.key} className="flex gap-3 text-[13px]">
              <span className="mt-1.5 size-1.5 shrink-0 rounded-full bg-zinc-400" aria-hidden="true" />
              <div className="min-w-0">
                <p className="text-zinc-900">
                  {e.text} <span className="text-xs text-zinc-500">· <Time iso={e.at} /></span>
                </p>
                {e.note ? <p className="mt-0.5 whitespace-pre-wrap text-zinc-600">{e.note}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}

export function IncidentDetails({ details }: { details: unknown }) {
  if (details === null || details === undefined) return null;
  return <JsonBlock value={details} label="Details" />;
}
