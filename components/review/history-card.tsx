import type { ActionDetail } from "@/lib/review/get-action-detail";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { Time } from "../ui/time";
import { formatClock } from "./clock";

type Event = ActionDetail["history"][number];

const WHAT: Record<string, string> = {
  "action.requested": "asked to act",
  "action.claimed": "opened it for review",
  "action.approved": "approved it",
  "action.rejected": "rejected it",
  "action.expired": "expired it: nobody decided before the deadline",
  "action.escalated": "escalated it to managers: the deadline passed",
  "action.result_reported": "reported the result",
  "action.cancelled": "withdrew the request before anyone decided",
  "draft.executed_as_proposed": "recorded it as executed as proposed",
  "draft.executed_with_changes": "recorded it as executed with changes",
  "draft.discarded": "discarded it",
};

const DOT: Record<string, string> = {
  "action.approved": "bg-emerald-500",
  "draft.executed_as_proposed": "bg-emerald-500",
  "draft.executed_with_changes": "bg-emerald-500",
  "action.rejected": "bg-red-500",
  "action.escalated": "bg-red-500",
  "action.expired": "bg-zinc-400",
  "draft.discarded": "bg-zinc-400",
  "action.cancelled": "bg-zinc-400",
  "action.claimed": "bg-zinc-300",
};

/** One line of detail an event carries (a reason, the route it got, a claim's end). */
function detailOf(e: Event): string | null {
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (typeof after.reason === "string" && after.reason) return `“${after.reason}”`;
  if (e.action === "action.requested" && typeof after.route === "string") return `Routed to ${after.route} at level ${String(after.level)}.`;
  if (e.action === "action.claimed" && typeof after.until === "string") return `Until ${formatClock(after.until)}.`;
  if (e.action === "action.result_reported" && typeof after.status === "string") return `Result: ${after.status}.`;
  return null;
}

/** The action's audit trail, oldest first: who did what, and when. */
export function HistoryCard({ history }: { history: Event[] }) {
  return (
    <Card aria-labelledby="history-title">
      <CardHeader titleId="history-title" title="History" description="Every change to this action, from the audit log." />
      {history.length === 0 ? (
        <EmptyState title="No history yet" />
      ) : (
        <ol className="divide-y divide-zinc-100" aria-label="History">
          {history.map((e) => {
            const detail = detailOf(e);
            return (
              <li key={e.id} className="flex items-start gap-3 px-4 py-2.5 text-[13px]">
                <span className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[e.action] ?? "bg-accent-500"}`} aria-hidden="true" />
                <div className="min-w-0 flex-1">
                  <p className="text-zinc-800">
                    <span className="font-medium text-zinc-900">{e.actor}</span> {WHAT[e.action] ?? e.action}
                  </p>
                  {detail ? <p className="mt-0.5 text-zinc-600">{detail}</p> : null}
                </div>
                <span className="shrink-0 text-xs text-zinc-500">
                  <Time iso={e.at} />
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
