"use client";

import { Badge } from "../ui/badge";
import { cn } from "../ui/cn";
import { formatDateTime } from "../format";
import { formatSpan } from "./clock";

/** Under this much time left, an approval's deadline is shown in red. */
export const SLA_URGENT_MS = 10 * 60_000;

/**
 * Time left before an approval's deadline (`dueAt`): red when under 10 minutes or past it,
 * and an "Escalated" badge once it has been escalated to managers.
 */
export function Sla({ dueAt, escalatedAt, now, className }: { dueAt: string | null; escalatedAt: string | null; now: number; className?: string }) {
  if (escalatedAt) {
    return (
      <span className={cn("inline-flex items-center gap-1.5", className)} title={`Escalated to managers at ${formatDateTime(escalatedAt)}`}>
        <Badge tone="red" dot>
          Escalated
        </Badge>
      </span>
    );
  }
  if (!dueAt) return <span className="text-zinc-500">—</span>;
  const left = new Date(dueAt).getTime() - now;
  const urgent = left < SLA_URGENT_MS;
  return (
    <span
      suppressHydrationWarning
      title={`Due ${formatDateTime(dueAt)}`}
      data-urgent={urgent || undefined}
      className={cn("whitespace-nowrap tabular-nums", urgent ? "font-medium text-red-700" : "text-zinc-700", className)}
    >
      {left <= 0 ? `Overdue ${formatSpan(left)}` : `${formatSpan(left)} left`}
    </span>
  );
}
