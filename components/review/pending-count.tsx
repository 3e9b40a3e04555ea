"use client";

import { useQuery } from "@tanstack/react-query";
import type { QueuePage } from "@/lib/review/schemas";
import { api } from "../api";
import { cn } from "../ui/cn";

/** The live number of pending approvals (or drafts) beside its nav link; nothing when zero. */
export function PendingCount({ kind, active }: { kind: "approval" | "draft"; active: boolean }) {
  const { data } = useQuery({
    queryKey: ["pending-count", kind],
    queryFn: () => api<QueuePage>(`/api/console/queue?kind=${kind}&limit=1`),
    refetchInterval: 10_000,
    staleTime: 5_000,
  });
  const n = data?.total ?? 0;
  if (n === 0) return null;
  return (
    <span
      data-testid={`pending-count-${kind}`}
      className={cn(
        "ml-auto inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full px-1.5 text-[11px] font-semibold tabular-nums",
        active ? "bg-accent-500 text-white" : "bg-ink-700 text-ink-100",
      )}
    >
      {n > 999 ? "999+" : n}
      <span className="sr-only"> pending</span>
    </span>
  );
}
