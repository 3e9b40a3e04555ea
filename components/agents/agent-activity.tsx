"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { AgentActivity as Activity } from "@/lib/agents/schemas";
import { actionsSearchHref } from "../actions/action-params";
import { api, errorMessage } from "../api";
import { formatCount, formatMicros } from "../format";
import { RunStatusBadge } from "../overview/run-status-badge";
import { ActionStatusBadge } from "../review/status";
import { Alert } from "../ui/alert";
import { Card, CardHeader } from "../ui/card";
import { Spinner } from "../ui/spinner";
import { StatTiles } from "../ui/stat-tile";
import { Time } from "../ui/time";

/** Often enough that a first run shows up while someone watches; the numbers are cheap. */
const REFRESH_MS = 3_000;
const linkClass = "rounded-sm font-medium text-zinc-900 outline-none hover:text-accent-700 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500";

/**
 * What the agent has been doing, live: last week's runs, failures, spend and actions, and its
 * latest runs and actions. Until the first arrives, each list says it is waiting for it.
 */
export function AgentActivity({ agentId, initial }: { agentId: string; initial: Activity }) {
  const { data, error } = useQuery({
    queryKey: ["agent-activity", agentId],
    queryFn: () => api<Activity>(`/api/console/agents/${encodeURIComponent(agentId)}/activity`),
    initialData: initial,
    refetchInterval: REFRESH_MS,
    staleTime: 1_000,
  });
  const a = data;
  return (
    <section aria-labelledby="activity-title" className="space-y-3">
      <h2 id="activity-title" className="text-sm font-semibold text-zinc-900">
        Activity <span className="font-normal text-zinc-600">· last 7 days</span>
      </h2>
      {error ? <Alert tone="warning">Couldn&apos;t refresh the activity: {errorMessage(error)}</Alert> : null}
      <StatTiles
        className="lg:grid-cols-5"
        tiles={[
          { label: "Runs", value: formatCount(a.runs), hint: "started" },
          { label: "Errors", value: formatCount(a.failedRuns), hint: "failed or halted runs", attention: a.failedRuns ? "red" : undefined },
          { label: "Spend", value: formatMicros(a.costMicros), hint: "model cost of its runs" },
          { label: "Actions", value: formatCount(a.actions), hint: "asked before acting", href: `/actions?agentId=${agentId}&since=7d` },
          {
            label: "Waiting for a person",
            value: formatCount(a.pendingActions),
            hint: "approvals and drafts",
            attention: a.pendingActions ? "amber" : undefined,
            href: `/actions?agentId=${agentId}&status=pending`,
          },
        ]}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <RecentRuns runs={a.recentRuns} />
        <RecentActions actions={a.recentActions} />
      </div>
    </section>
  );
}

function Waiting({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="flex items-center gap-2 px-4 py-6 text-[13px] text-zinc-600">
      <Spinner className="size-3.5 text-accent-600" />
      {children}
    </p>
  );
}

function RecentRuns({ runs }: { runs: Activity["recentRuns"] }) {
  return (
    <Card aria-labelledby="agent-runs-title">
      <CardHeader titleId="agent-runs-title" title="Recent runs" />
      {runs.length === 0 ? (
        <Waiting>Waiting for the first run… it appears here as soon as the agent starts one.</Waiting>
      ) : (
        <ul className="divide-y divide-zinc-100 text-[13px]" data-testid="agent-runs">
          {runs.map((r) => (
            <li key={r.id} className="flex items-center gap-3 px-4 py-2">
              <div className="min-w-0 flex-1">
                <Link href={actionsSearchHref(r.id)} className={`block truncate font-mono text-xs ${linkClass}`} title="This run's actions">
                  {r.externalId ?? r.id.slice(0, 8)}
                </Link>
                <p className="truncate text-xs text-zinc-600">
                  <Time iso={r.startedAt} relative /> · {formatCount(r.spanCount)} {r.spanCount === 1 ? "span" : "spans"} · {formatMicros(r.costMicros)}
                  {r.error ? <span className="text-red-700"> · {r.error}</span> : null}
                </p>
              </div>
              <RunStatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function RecentActions({ actions }: { actions: Activity["recentActions"] }) {
  return (
    <Card aria-labelledby="agent-actions-title">
      <CardHeader titleId="agent-actions-title" title="Recent actions" />
      {actions.length === 0 ? (
        <Waiting>Waiting for the first request to act… it appears here when the agent asks.</Waiting>
      ) : (
        <ul className="divide-y divide-zinc-100 text-[13px]" data-testid="agent-actions">
          {actions.map((x) => (
            <li key={x.id} className="flex items-center gap-3 px-4 py-2">
              <div className="min-w-0 flex-1">
                <Link href={`/actions/${x.id}`} className={`block truncate ${linkClass}`}>
                  <span className="font-mono text-xs">{x.type}</span>
                  {x.subject ? <span className="font-normal text-zinc-600"> · {x.subject}</span> : null}
                </Link>
                <p className="text-xs text-zinc-600">
                  <Time iso={x.createdAt} relative />
                </p>
              </div>
              <ActionStatusBadge action={x} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
