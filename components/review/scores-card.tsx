import type { ActionDetail } from "@/lib/review/get-action-detail";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/**
 * The scores rules and LLM judges sent for this action and for its run (POST /api/v1/scores):
 * what the agent's own checks thought of the work a reviewer is judging.
 */
export function ScoresCard({ scores }: { scores: ActionDetail["scores"] }) {
  return (
    <Card aria-labelledby="scores-title">
      <CardHeader titleId="scores-title" title="Scores" description={scores.length ? undefined : "No rule or judge has scored this action or its run."} />
      {scores.length ? (
        <ul className="divide-y divide-zinc-100 text-[13px]" data-testid="scores">
          {scores.map((s) => (
            <li key={s.id} className="px-4 py-2.5">
              <div className="flex items-baseline justify-between gap-3">
                <span className="min-w-0 font-mono text-xs [overflow-wrap:anywhere] text-zinc-900">{s.name}</span>
                <span className="font-semibold text-zinc-900 tabular-nums">{number.format(s.value)}</span>
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600">
                <Badge tone={s.source === "judge" ? "blue" : "neutral"}>{s.source === "judge" ? "LLM judge" : "Rule"}</Badge>
                <span>on the {s.on}</span>
              </div>
              {s.comment ? <p className="mt-1 text-zinc-700">{s.comment}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
