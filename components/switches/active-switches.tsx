import Link from "next/link";
import type { ActiveSwitches } from "@/lib/switches/schemas";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";

const linkClass = "rounded-sm font-medium text-zinc-900 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500";

/** Every agent and action type whose own switch is on, each linking to where it is turned off. */
export function ActiveSwitchesTable({ switches }: { switches: ActiveSwitches }) {
  const rows = [
    ...switches.agents.map((a) => ({ key: `a-${a.id}`, scope: "Agent", name: a.name, href: `/agents/${a.id}`, reason: a.reason, changedAt: a.changedAt, mono: false })),
    ...switches.actionTypes.map((t) => ({ key: `t-${t.key}`, scope: "Action type", name: t.key, href: `/action-types/${encodeURIComponent(t.key)}`, reason: t.reason, changedAt: t.changedAt, mono: true })),
  ];
  return (
    <Card aria-labelledby="active-title">
      <CardHeader titleId="active-title" title="Agents and action types halted" description="Each is turned off on its own page." />
      {rows.length === 0 ? (
        <EmptyState title="No agent or action type is halted" description="Switches turned on for one agent or one action type show here, with who or what turned them on." />
      ) : (
        <Table label="Switches that are on">
          <THead>
            <tr>
              <Th>Scope</Th>
              <Th>Name</Th>
              <Th>Why</Th>
              <Th>On since</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.key}>
                <Td className="text-zinc-500">{r.scope}</Td>
                <Td>
                  <Link href={r.href} className={`${linkClass} ${r.mono ? "font-mono text-xs" : ""}`}>
                    {r.name}
                  </Link>
                </Td>
                <Td className="text-zinc-700">{r.reason ?? "—"}</Td>
                <Td>
                  <Time iso={r.changedAt} relative />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
