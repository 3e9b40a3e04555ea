import type { Overview } from "@/lib/overview";
import { formatCount, formatMicros } from "../format";
import { StatTiles as Tiles, type Tile } from "../ui/stat-tile";

/** The fleet in six numbers; those with a list behind them lead to it. */
export function StatTiles({ overview }: { overview: Overview }) {
  const tiles: Tile[] = [
    { label: "Agents", value: formatCount(overview.agents), hint: "registered", href: "/agents" },
    { label: "Active keys", value: formatCount(overview.activeKeys), hint: "not revoked", href: "/agents" },
    { label: "Runs", value: formatCount(overview.runs24h), hint: "last 24 hours" },
    {
      label: "Pending actions",
      value: formatCount(overview.pendingActions),
      hint: "awaiting a person",
      attention: overview.pendingActions > 0 ? "amber" : undefined,
      href: "/actions?status=pending",
    },
    {
      label: "Open incidents",
      value: formatCount(overview.openIncidents),
      href: "/incidents",
      hint: "not yet resolved",
      attention: overview.openIncidents > 0 ? "red" : undefined,
    },
    { label: "Cost", value: formatMicros(overview.cost24hMicros), hint: "last 24 hours" },
  ];
  return <Tiles tiles={tiles} className="xl:grid-cols-6" />;
}
