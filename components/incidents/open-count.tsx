"use client";

import { useQuery } from "@tanstack/react-query";
import type { IncidentCounts } from "@/lib/incidents/schemas";
import { api } from "../api";
import { cn } from "../ui/cn";

/** The live number of open incidents beside the nav link; red while any is critical. */
export function OpenIncidentsCount({ active }: { active: boolean }) {
  const { data } = useQuery({
    queryKey: ["incident-counts"],
    queryFn: () => api<IncidentCounts>("/api/console/incidents/count"),
    refetchInterval: 10_000,
    staleTime: 5_000,
  });
  const n = data?.open ?? 0;
  if (n === 0) return null;
  const critical = (data?.openBySeverity.critical ?? 0) > 0;
  return (
    <span
      data-testid="open-incidents-count"
      className={cn(
        "ml-auto inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full px-1.5 text-[11px] font-semibold tabular-nums",
        critical ? "bg-red-600 text-white" : active ? "bg-accent-500 text-white" : "bg-zinc-700 text-zinc-100",
      )}
    >
      {n > 999 ? "999+" : n}
      <span className="sr-only"> open{critical ? ", some critical" : ""}</span>
    </span>
  );
}
