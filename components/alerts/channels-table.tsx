import Link from "next/link";
import type { ChannelView } from "@/lib/alerts/schemas";
import { Badge } from "../ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";

export const SEVERITY_SHORT: Record<ChannelView["minSeverity"], string> = { info: "All severities", warning: "Warning +", critical: "Critical" };

export function ChannelsTable({ channels, kindLabel }: { channels: ChannelView[]; kindLabel: (k: string) => string }) {
  return (
    <Table label="Alert channels">
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Routes</Th>
          <Th>Format</Th>
          <Th className="text-right">Last 7 days</Th>
          <Th>Last delivered</Th>
        </tr>
      </THead>
      <TBody>
        {channels.map((c) => (
          <Tr key={c.id} className={c.enabled ? undefined : "text-zinc-500"}>
            <Td className="py-2">
              <Link href={`/alerts/${c.id}`} className="rounded-sm font-medium text-zinc-900 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
                {c.name}
              </Link>
              {c.enabled ? null : (
                <Badge className="ml-2" tone="neutral">
                  Disabled
                </Badge>
              )}
              <div className="max-w-xs truncate font-mono text-xs text-zinc-500" title={c.url}>
                {c.url}
              </div>
            </Td>
            <Td className="text-zinc-700">
              {SEVERITY_SHORT[c.minSeverity]} · {c.kinds.length === 0 ? "every kind" : c.kinds.map(kindLabel).join(", ")}
            </Td>
            <Td>{c.format === "slack" ? "Slack" : "Standard"}</Td>
            <Td className="text-right tabular-nums">
              <span className={c.stats.delivered ? "text-emerald-700" : "text-zinc-500"}>{c.stats.delivered} sent</span>
              {c.stats.pending ? <span className="text-amber-700"> · {c.stats.pending} pending</span> : null}
              {c.stats.failed ? <span className="text-red-700"> · {c.stats.failed} failed</span> : null}
            </Td>
            <Td>
              <Time iso={c.stats.lastDeliveredAt} relative fallback="Never" />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
