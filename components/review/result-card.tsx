import type { ActionDetail } from "@/lib/review/get-action-detail";
import { Card } from "../ui/card";
import { Time } from "../ui/time";
import { ChangeList } from "./change-list";
import { statusLabel } from "./status";

// Statuses whose decisionReason explains a refusal or a withdrawal rather than commenting on an approval.
const REASON_STATUSES = new Set<string>(["rejected", "discarded", "expired", "cancelled"]);

/** What became of an item that no longer waits: who decided, when, why, and what they changed. */
export function ResultCard({ a }: { a: ActionDetail }) {
  const s = statusLabel(a);
  // A withdrawal's label already names who did it.
  const by = a.status === "cancelled" ? null : (a.decidedBy ?? (a.status === "expired" ? "Warden" : null));
  return (
    <Card aria-labelledby="result-title">
      <div className="px-4 py-3">
        <h2 id="result-title" className="text-sm font-semibold text-zinc-900">
          {s.label}
          {by ? <span className="font-normal text-zinc-600"> by {by}</span> : null}
          {a.decidedAt ? (
            <span className="font-normal text-zinc-500">
              {" "}
              · <Time iso={a.decidedAt} relative />
            </span>
          ) : null}
        </h2>
        {a.route === "execute" ? <p className="mt-1 text-[13px] text-zinc-600">This action did not need a person: {a.reason}</p> : null}
        {a.route === "halted" ? <p className="mt-1 text-[13px] text-zinc-600">{a.reason}</p> : null}
        {a.decisionReason ? (
          <p className="mt-1.5 text-[13px] text-zinc-700">
            <span className="text-zinc-500">{REASON_STATUSES.has(a.status) ? "Reason: " : "Comment: "}</span>
            {a.decisionReason}
          </p>
        ) : null}
        {a.outcomeError ? <p className="mt-1.5 text-[13px] text-red-700">Execution error: {a.outcomeError}</p> : null}
      </div>
      {a.changes.length > 0 ? (
        <div className="border-t border-zinc-100 px-4 py-3">
          <p className="mb-2 text-xs font-medium text-zinc-500">
            {a.changes.length === 1 ? "1 field was changed" : `${a.changes.length} fields were changed`} from the proposal
          </p>
          <ChangeList changes={a.changes} afterLabel={a.executedPayload ? "Executed" : "Approved"} />
        </div>
      ) : null}
    </Card>
  );
}
