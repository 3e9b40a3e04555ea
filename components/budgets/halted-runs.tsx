import type { RunLimitsView } from "@/lib/budgets/schemas";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { TBody, THead, Table, Td, Th, ThActions, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { GrantButton } from "./grant-button";
import { formatUsd } from "./money";

/** The agent's runs a budget or the loop limit stopped; a manager may let one continue. */
export function HaltedRuns({ runs, canGrant }: { runs: RunLimitsView[]; canGrant: boolean }) {
  return (
    <Card aria-labelledby="halted-title">
      <CardHeader titleId="halted-title" title="Runs stopped by a breaker" description="Halted in the span batch that crossed a budget or completed a loop. A grant lets one go on with raised limits." />
      {runs.length === 0 ? (
        <EmptyState title="No halted runs" description="When a run crosses its cost or token budget, or repeats a tool call past the loop limit, it shows here." />
      ) : (
        <Table label="Halted runs">
          <THead>
            <tr>
              <Th>Run</Th>
              <Th>Why</Th>
              <Th className="text-right">Cost</Th>
              <Th className="text-right">Tokens</Th>
              <Th>Halted</Th>
              {canGrant ? <ThActions /> : null}
            </tr>
          </THead>
          <TBody>
            {runs.map((r) => (
              <Tr key={r.id}>
                <Td className="font-mono text-xs" title={r.id}>
                  {r.id.slice(0, 8)}
                </Td>
                <Td className="max-w-md text-zinc-800">{r.haltReason}</Td>
                <Td className="text-right tabular-nums">{formatUsd(r.totals.costUsd)}</Td>
                <Td className="text-right tabular-nums">{r.totals.tokens.toLocaleString("en-US")}</Td>
                <Td>
                  <Time iso={r.haltedAt} relative />
                </Td>
                {canGrant ? (
                  <Td className="text-right">
                    <GrantButton run={r} />
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
