import Link from "next/link";
import type { IncidentView } from "@/lib/incidents/schemas";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { IncidentStatusBadge, SeverityBadge } from "./badges";

export function IncidentsTable({ items }: { items: IncidentView[] }) {
  return (
    <Table label="Incidents">
      <THead>
        <tr>
          <Th className="w-24">Severity</Th>
          <Th>Incident</Th>
          <Th>Agent</Th>
          <Th className="w-32">State</Th>
          <Th className="w-28">Raised</Th>
        </tr>
      </THead>
      <TBody>
        {items.map((i) => (
          <Tr key={i.id}>
            <Td>
              <SeverityBadge severity={i.severity} />
            </Td>
            <Td className="max-w-xl py-2">
              <Link
                href={`/incidents/${i.id}`}
                className="block truncate rounded-sm font-medium text-zinc-900 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500"
                title={i.title}
              >
                {i.title}
              </Link>
              <span className="text-xs text-zinc-500">{i.kindLabel}</span>
            </Td>
            <Td className="text-zinc-700">{i.agent?.name ?? <span className="text-zinc-400">—</span>}</Td>
            <Td>
              <IncidentStatusBadge status={i.status} />
            </Td>
            <Td>
              <Time iso={i.createdAt} relative />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
