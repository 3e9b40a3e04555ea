import Link from "next/link";
import type { ActionDetail } from "@/lib/review/get-action-detail";
import { LevelBadge } from "../action-types/level-badge";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { Time } from "../ui/time";
import { RiskBadge } from "./risk-badge";
import { formatConfidence, routeNote } from "./route-note";

const linkClass = "rounded-sm outline-none hover:text-accent-700 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500";

/** The action's facts (confidence, why a person, level, risk, who, when) and its reviews. */
export function ActionFacts({ a }: { a: ActionDetail }) {
  const note = routeNote(a.reason);
  return (
    <>
      <Card aria-labelledby="facts-title">
        <CardHeader titleId="facts-title" title="Details" />
        <dl className="divide-y divide-zinc-100 text-[13px]">
          <Fact label="Confidence">
            <Confidence value={a.confidence} />
          </Fact>
          <Fact label="Why a person">
            <span className={note ? "text-amber-800" : undefined}>{note ?? a.reason}</span>
          </Fact>
          <Fact label="Level at request">
            <LevelBadge level={a.level} />
          </Fact>
          <Fact label="Risk">
            <span className="flex flex-wrap items-center gap-1.5">
              <RiskBadge risk={a.type.riskLabel} />
              {a.type.blocked ? <Badge tone="amber">Blocked type</Badge> : null}
            </span>
          </Fact>
          <Fact label="Agent">
            <Link href={`/agents/${a.agent.id}`} className={`font-medium text-zinc-900 ${linkClass}`}>
              {a.agent.name}
            </Link>
          </Fact>
          <Fact label="Action type">
            <Link href={`/action-types/${encodeURIComponent(a.type.key)}`} className={`font-mono text-xs break-all text-zinc-900 ${linkClass}`}>
              {a.type.key}
            </Link>
          </Fact>
          {a.subject ? (
            <Fact label="Subject">
              <span className="font-mono text-xs break-all">{a.subject}</span>
            </Fact>
          ) : null}
          <Fact label="Requested">
            <Time iso={a.createdAt} />
          </Fact>
          <Fact label="Action ID">
            <span className="flex items-center gap-2">
              <span className="truncate font-mono text-xs" title={a.id}>
                {a.id}
              </span>
              <CopyButton value={a.id} label="Copy" />
            </span>
          </Fact>
        </dl>
      </Card>
      {a.reviews.length > 0 ? (
        <Card aria-labelledby="reviews-title">
          <CardHeader titleId="reviews-title" title="Reviews" />
          <ul className="divide-y divide-zinc-100 text-[13px]">
            {a.reviews.map((r) => (
              <li key={r.id} className="px-4 py-2.5">
                <p className="text-zinc-800">
                  <span className="font-medium">{r.by ?? r.source}</span> · {r.verdict ?? (r.scoreName ? `${r.scoreName} ${r.score}` : "note")}
                </p>
                {r.comment ? <p className="mt-0.5 text-zinc-600">{r.comment}</p> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] items-baseline gap-3 px-4 py-2.5">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="min-w-0 text-zinc-900">{children}</dd>
    </div>
  );
}

function Confidence({ value }: { value: number | null }) {
  if (value === null) return <span className="text-zinc-500">Not given</span>;
  const pct = Math.round(value * 100);
  return (
    <span className="flex items-center gap-2">
      <span className="tabular-nums" data-testid="confidence">
        {formatConfidence(value)}
      </span>
      <span className="h-1.5 w-24 overflow-hidden rounded-full bg-zinc-100" role="meter" aria-label="Confidence" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <span className={`block h-full rounded-full ${pct < 50 ? "bg-amber-500" : "bg-accent-500"}`} style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}
