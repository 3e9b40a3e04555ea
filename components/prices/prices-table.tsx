import type { ModelPriceRow, ModelPriceView } from "@/lib/prices/schemas";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

function Since({ p }: { p: ModelPriceView }) {
  return p.always ? <span className="text-zinc-500">Always (seeded)</span> : <Time iso={p.effectiveFrom} />;
}

function Changes({ row }: { row: ModelPriceRow }) {
  const list = [...row.scheduled.map((p) => ({ p, when: "from" })), ...row.history.map((p) => ({ p, when: "was, from" }))];
  if (list.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer rounded-sm text-[13px] text-accent-700 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
        {row.scheduled.length ? `${row.scheduled.length} scheduled` : null}
        {row.scheduled.length && row.history.length ? ", " : null}
        {row.history.length ? `${row.history.length} earlier` : null}
      </summary>
      <ul className="mt-1 space-y-0.5 text-xs text-zinc-600">
        {list.map(({ p, when }) => (
          <li key={p.effectiveFrom} className="tabular-nums">
            {usd.format(p.inputUsdPerMillion)} / {usd.format(p.outputUsdPerMillion)} {when} <Since p={p} />
            {p.setBy ? ` · ${p.setBy}` : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function PricesTable({ rows }: { rows: ModelPriceRow[] }) {
  return (
    <Card aria-labelledby="prices-title">
      <CardHeader titleId="prices-title" title="Prices in effect" description="Per million tokens. A span is priced when it is stored, with the price in effect when it started; a model matches its longest listed prefix." />
      {rows.length === 0 ? (
        <EmptyState title="No prices" description="Spans without a price cost nothing unless the agent reports their cost itself." />
      ) : (
        <Table label="Model prices">
          <THead>
            <tr>
              <Th>Model</Th>
              <Th className="text-right">Input</Th>
              <Th className="text-right">Output</Th>
              <Th>In effect since</Th>
              <Th>Changes</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.model}>
                <Td className="font-mono text-xs text-zinc-900">{r.model}</Td>
                <Td className="text-right tabular-nums">{r.current ? usd.format(r.current.inputUsdPerMillion) : "—"}</Td>
                <Td className="text-right tabular-nums">{r.current ? usd.format(r.current.outputUsdPerMillion) : "—"}</Td>
                <Td>
                  {r.current ? (
                    <>
                      <Since p={r.current} />
                      {r.current.setBy ? <span className="text-xs text-zinc-500"> · {r.current.setBy}</span> : null}
                    </>
                  ) : (
                    <Badge tone="amber">Not yet</Badge>
                  )}
                </Td>
                <Td>
                  <Changes row={r} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
