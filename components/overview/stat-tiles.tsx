import type { Overview } from "@/lib/overview";
import { formatCount, formatMicros } from "../format";
import { cn } from "../ui/cn";

type Tile = { label: string; value: string; hint: string; attention?: "amber" | "red" };

export function StatTiles({ overview }: { overview: Overview }) {
  const tiles: Tile[] = [
    { label: "Agents", value: formatCount(overview.agents), hint: "registered" },
    { label: "Active keys", value: formatCount(overview.activeKeys), hint: "not revoked" },
    { label: "Runs", value: formatCount(overview.runs24h), hint: "last 24 hours" },
    {
      label: "Pending actions",
      value: formatCount(overview.pendingActions),
      hint: "awaiting a reviewer",
      attention: overview.pendingActions > 0 ? "amber" : undefined,
    },
    {
      label: "Open incidents",
      value: formatCount(overview.openIncidents),
      hint: "not yet resolved",
      attention: overview.openIncidents > 0 ? "red" : undefined,
    },
    { label: "Cost", value: formatMicros(overview.cost24hMicros), hint: "last 24 hours" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      {tiles.map((t) => (
        <div key={t.label} className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs">
          <dt className="flex items-center gap-1.5 text-xs font-medium text-zinc-500">
            {t.attention ? (
              <span
                className={cn("size-1.5 rounded-full", t.attention === "red" ? "bg-red-500" : "bg-amber-500")}
                aria-hidden="true"
              />
            ) : null}
            {t.label}
          </dt>
          <dd className="mt-1.5 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums">{t.value}</dd>
          <dd className="mt-0.5 text-xs text-zinc-500">{t.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
