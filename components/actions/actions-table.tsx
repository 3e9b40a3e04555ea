import Link from "next/link";
import type { ActionListItem } from "@/lib/actions/schemas";
import { LevelBadge } from "../action-types/level-badge";
import { ActionStatusBadge } from "../review/status";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { ROUTE_NAMES } from "./action-params";

const linkClass = "rounded-sm outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500";

/** Every matching action, newest first; the type (and subject) opens the action page. */
export function ActionsTable({ items }: { items: ActionListItem[] }) {
  return (
    <Table label="Actions" className="table-fixed">
      <THead>
        <tr>
          <Th className="w-auto md:w-[36%]">Action</Th>
          <Th className="hidden w-[14%] md:table-cell">Agent</Th>
          <Th className="w-[10rem] md:w-[18%]">Status</Th>
          <Th className="hidden w-[11%] lg:table-cell">Level</Th>
          <Th className="hidden w-[12%] md:table-cell">Decided by</Th>
          <Th className="hidden w-[9%] sm:table-cell">Requested</Th>
        </tr>
      </THead>
      <TBody>
        {items.map((a) => (
          <Tr key={a.id} data-testid="action-row" data-action-id={a.id}>
            <Td className="py-2">
              <Link href={`/actions/${a.id}`} className={`block truncate font-medium text-zinc-900 ${linkClass}`}>
                <span className="font-mono text-[12.5px]">{a.type}</span>
                {a.subject ? <span className="font-normal text-zinc-600"> · {a.subject}</span> : null}
              </Link>
              <p className="mt-0.5 truncate text-xs text-zinc-600" title={a.rationale ?? undefined}>
                <span className="md:hidden">{a.agentName} · </span>
                {a.rationale ?? <span className="text-zinc-500">No rationale given</span>}
              </p>
            </Td>
            <Td className="hidden truncate md:table-cell" title={a.agentName}>
              <Link href={`/agents/${a.agentId}`} className={linkClass}>
                {a.agentName}
              </Link>
            </Td>
            <Td className="py-2">
              <ActionStatusBadge action={a} />
              <p className="mt-0.5 truncate text-xs text-zinc-600" title="What the policy decided when the agent asked">
                {ROUTE_NAMES[a.route]}
              </p>
            </Td>
            <Td className="hidden lg:table-cell">
              <LevelBadge level={a.level} />
            </Td>
            <Td className="hidden truncate md:table-cell">{a.decidedBy ?? <span className="text-zinc-500">—</span>}</Td>
            <Td className="hidden sm:table-cell">
              <Time iso={a.createdAt} relative />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
