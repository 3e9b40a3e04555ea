import type { Overview } from "@/lib/overview";
import { formatCount, formatMicros } from "../format";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { RunStatusBadge } from "./run-status-badge";

export function RecentRuns({ runs }: { runs: Overview["recentRuns"] }) {
  return (
    <Card aria-labelledby="recent-runs-title">
      <CardHeader titleId="recent-runs-title" title="Recent runs" description="The last ten runs reported by any agent." />
      {runs.length === 0 ? (
        <EmptyState
          title="No runs yet"
          description="Runs appear here as soon as an agent reports its first one through the API."
        />
      ) : (
        <Table label="Recent runs">
          <THead>
            <tr>
              <Th>Run</Th>
              <Th>Agent</Th>
              <Th>Status</Th>
              <Th>Started</Th>
              <Th className="text-right">Spans</Th>
              <Th className="text-right">Cost</Th>
            </tr>
          </THead>
          <TBody>
            {runs.map((r) => (
              <Tr key={r.id}>
                <Td className="font-mono text-xs text-zinc-600" title={r.id}>
                  {r.id.slice(0, 8)}
                </Td>
                <Td className="font-medium text-zinc-900">{r.agentName}</Td>
                <Td>
                  <RunStatusBadge status={r.status} />
                </Td>
                <Td>
                  <Time iso={r.startedAt} relative />
                </Td>
                <Td className="text-right tabular-nums">{formatCount(r.spanCount)}</Td>
                <Td className="text-right tabular-nums">{formatMicros(r.costMicros)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
