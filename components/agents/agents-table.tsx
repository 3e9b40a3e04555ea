import Link from "next/link";
import type { AgentView } from "@/lib/agents/schemas";
import { formatCount } from "../format";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { AgentStatusBadge } from "./agent-status-badge";

export function AgentsTable({ agents }: { agents: AgentView[] }) {
  return (
    <Table label="Agents">
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Status</Th>
          <Th className="text-right">Active keys</Th>
          <Th>Last seen</Th>
          <Th>Created</Th>
        </tr>
      </THead>
      <TBody>
        {agents.map((a) => (
          <Tr key={a.id}>
            <Td className="max-w-md">
              <Link
                href={`/agents/${a.id}`}
                className="rounded-sm font-medium text-zinc-900 outline-none hover:text-accent-700 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500"
              >
                {a.name}
              </Link>
              {a.description ? <p className="truncate text-xs text-zinc-500">{a.description}</p> : null}
            </Td>
            <Td>
              <AgentStatusBadge status={a.status} />
            </Td>
            <Td className="text-right tabular-nums">{formatCount(a.activeKeys)}</Td>
            <Td>
              <Time iso={a.lastSeenAt} relative fallback="Never" />
            </Td>
            <Td>
              <Time iso={a.createdAt} relative />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
