import type { AgentView } from "@/lib/agents/schemas";
import { formatCount } from "../format";
import { Card } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { Time } from "../ui/time";
import { AgentStatusBadge } from "./agent-status-badge";

function Item({ label, wide, children }: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? "col-span-2 min-w-0 px-4 py-3" : "min-w-0 px-4 py-3"}>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-1 text-[13px] text-zinc-900">{children}</dd>
    </div>
  );
}

export function AgentDetails({ agent }: { agent: AgentView }) {
  return (
    <Card aria-label="Agent details">
      <dl className="grid grid-cols-2 divide-zinc-200 md:grid-cols-3 xl:grid-cols-6 xl:divide-x">
        <Item label="Agent ID" wide>
          <span className="flex items-center gap-2">
            <span className="truncate font-mono text-xs" title={agent.id}>
              {agent.id}
            </span>
            <CopyButton value={agent.id} label="Copy ID" />
          </span>
        </Item>
        <Item label="Status">
          <AgentStatusBadge status={agent.status} />
        </Item>
        <Item label="Active keys">
          <span className="tabular-nums">{formatCount(agent.activeKeys)}</span>
        </Item>
        <Item label="Last seen">
          <Time iso={agent.lastSeenAt} relative fallback="Never" />
        </Item>
        <Item label="Created">
          <Time iso={agent.createdAt} />
        </Item>
      </dl>
    </Card>
  );
}
