import Link from "next/link";
import type { DeliveryView } from "@/lib/alerts/schemas";
import { Badge, type Tone } from "../ui/badge";
import { EmptyState } from "../ui/empty-state";
import { Time } from "../ui/time";

/** "in 4 min", "in 2 h", or "due now": when a retry is next tried. */
function until(iso: string, now = Date.now()): string {
  const s = Math.round((new Date(iso).getTime() - now) / 1000);
  if (s <= 5) return "due now";
  if (s < 90) return `in ${s} s`;
  const m = Math.round(s / 60);
  return m < 90 ? `in ${m} min` : `in ${Math.round(m / 60)} h`;
}

const STATUS: Record<DeliveryView["status"], { tone: Tone; label: string }> = {
  delivered: { tone: "green", label: "Delivered" },
  pending: { tone: "amber", label: "Retrying" },
  failed: { tone: "red", label: "Gave up" },
  cancelled: { tone: "neutral", label: "Cancelled" },
};

/** Every delivery with each of its attempts: when, what the receiver answered, how long it took. */
export function DeliveryLog({ deliveries }: { deliveries: DeliveryView[] }) {
  if (deliveries.length === 0) {
    return <EmptyState title="Nothing sent yet" description="Send a test to check the receiver; incidents routed here show up as they are raised." />;
  }
  return (
    <ol className="divide-y divide-zinc-100" aria-label="Delivery log" data-testid="delivery-log">
      {deliveries.map((d) => {
        const s = d.status === "pending" && d.attempts === 0 ? { tone: "blue" as Tone, label: "Queued" } : STATUS[d.status];
        return (
          <li key={d.id} className="px-4 py-2.5">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px]">
              <Badge tone={s.tone} dot>
                {s.label}
              </Badge>
              <span className="min-w-0 flex-1 truncate text-zinc-900" title={d.summary}>
                {d.incidentId ? (
                  <Link href={`/incidents/${d.incidentId}`} className="rounded-sm outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
                    {d.summary}
                  </Link>
                ) : (
                  d.summary
                )}
              </span>
              <span className="font-mono text-xs text-zinc-500">{d.eventType}</span>
              <span className="text-xs text-zinc-500">
                <Time iso={d.createdAt} relative />
              </span>
            </div>
            {d.log.length ? (
              <ul className="mt-1.5 space-y-0.5 pl-1 text-xs text-zinc-600">
                {d.log.map((a) => (
                  <li key={a.attempt} className="flex flex-wrap gap-x-2 tabular-nums">
                    <span className="w-16 text-zinc-500">Attempt {a.attempt}</span>
                    <span className={a.error ? "text-red-700" : "text-emerald-700"}>{a.error ?? `HTTP ${a.statusCode}`}</span>
                    <span className="text-zinc-400">{a.durationMs} ms</span>
                    <span className="text-zinc-400">
                      <Time iso={a.at} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {d.status === "pending" && d.nextAttemptAt && d.attempts > 0 ? (
              <p className="mt-1 pl-1 text-xs text-amber-800">
                Next attempt{" "}
                <time dateTime={d.nextAttemptAt} suppressHydrationWarning>
                  {until(d.nextAttemptAt)}
                </time>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
