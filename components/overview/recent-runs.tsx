import Link from "next/link";
import type { Overview } from "@/lib/overview";
import { actionsSearchHref } from "../actions/action-params";
import { formatCount, formatMicros } from "../format";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { RunStatusBadge } from "./run-status-badge";

const linkClass = "rounded-sm outline-none hover:text-accent-700 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500";

/** The last runs of any agent; a run leads to its actions, an agent to its page. */
export function RecentRuns({ runs }: { runs: Overview["recentRuns"] }) {
  return (
    <Card aria-labelledby="recent-runs-title">
      <CardHeader titleId="recent-runs-title" title="Recent runs" description="The last ten runs reported by any agent. A run opens the actions it asked for." />
      {runs.length === 0 ? (
        <EmptyState title="No runs yet" description="Runs appear here as soon as an agent reports its first one through the API." />
      ) : (
        <Table label="Recent runs">
          <THead>
            <tr>
              <Th>Run</Th>
              <Th>Agent</Th>
              <Th>Status</Th>
              <Th className="hidden sm:table-cell">Started</Th>
              <Th className="hidden text-right sm:table-cell">Spans</Th>
              <Th className="hidden text-right sm:table-cell">Cost</Th>
            </tr>
          </THead>
          <TBody>
            {runs.map((r) => (
              <Tr key={r.id}>
                <Td className="font-mono text-xs">
                  <Link href={actionsSearchHref(r.id)} className={`text-accent-700 ${linkClass}`} title={`Run ${r.id}: its actions`}>
                    {r.id.slice(0, 8)}
                  </Link>
                </Td>
                <Td className="font-medium text-zinc-900">
                  <Link href={`/agents/${r.agentId}`} className={linkClass}>
                    {r.agentName}
                  </Link>
                </Td>
                <Td>
                  <RunStatusBadge status={r.status} />
                </Td>
                <Td className="hidden sm:table-cell">
                  <Time iso={r.startedAt} relative />
                </Td>
                <Td className="hidden text-right tabular-nums sm:table-cell">{formatCount(r.spanCount)}</Td>
                <Td className="hidden text-right tabular-nums sm:table-cell">{formatMicros(r.costMicros)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
