import type { Evidence } from "@/lib/autonomy";
import { formatCount } from "../format";
import { cn } from "../ui/cn";
import { pct } from "./format";
import { ArrowDownIcon, ArrowUpIcon } from "../ui/icons";

function Cell({ label, value, sub, className }: { label: string; value: React.ReactNode; sub?: React.ReactNode; className?: string }) {
  return (
    <div className={cn("min-w-0", className)}>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5">
        <span className="text-sm font-semibold text-zinc-900 tabular-nums">{value}</span>
        {sub ? <span className="line-clamp-2 text-xs text-zinc-500">{sub}</span> : null}
      </dd>
    </div>
  );
}

/** 7-day acceptance against the 30-day figure: up, down (more than half a point) or flat. */
function Trend({ d7, d30 }: { d7: number | null; d30: number | null }) {
  if (d7 === null || d30 === null) return null;
  const delta = d7 - d30;
  if (Math.abs(delta) < 0.005) return <span className="sr-only">(steady)</span>;
  const up = delta > 0;
  const Icon = up ? ArrowUpIcon : ArrowDownIcon;
  return (
    <span className={cn("ml-1 inline-flex items-center align-[-2px]", up ? "text-emerald-700" : "text-red-700")}>
      <Icon className="size-3.5" />
      <span className="sr-only">{up ? "(rising)" : "(falling)"}</span>
    </span>
  );
}

/**
 * The numbers a promotion is judged on, all-time, with the recent acceptance trend. Reviewed
 * proposals are what people judged (approvals, drafts); agent executions are what the agent
 * carried out and reported, which a draft never is.
 */
export function EvidenceGrid({ evidence: ev, level }: { evidence: Evidence; level: number }) {
  const audits = ev.auditPassed + ev.auditFailed;
  return (
    <dl className="grid grid-cols-3 gap-x-4 gap-y-3" aria-label="Evidence">
      <Cell label="Reviewed proposals" value={formatCount(ev.reviewed)} sub={`of ${formatCount(ev.requests)} requests`} />
      <Cell label="Accepted" value={pct(ev.acceptanceRate)} sub={ev.reviewed ? `${formatCount(ev.accepted)} unedited` : "nothing reviewed"} />
      <Cell
        label="Edited"
        value={pct(ev.editRate)}
        sub={ev.meanEditSize === null ? "no edits" : `mean ${ev.meanEditSize.toFixed(1)} fields changed`}
      />
      <Cell
        label="Agent executions"
        value={formatCount(ev.executions)}
        sub={
          ev.executions ? (
            <span className={ev.failedExecutions > 0 ? "text-red-700" : undefined}>
              {formatCount(ev.failedExecutions)} failed ({pct(ev.failedExecutionRate)})
            </span>
          ) : level === 3 ? (
            "drafts are carried out by a person"
          ) : (
            "none reported yet"
          )
        }
      />
      <Cell label="Audit pass" value={pct(ev.auditPassRate)} sub={audits ? `${formatCount(audits)} audited` : "no audits"} />
      <Cell
        label="Acceptance 7d · 30d"
        value={
          <>
            {pct(ev.last7d.acceptanceRate)}
            <Trend d7={ev.last7d.acceptanceRate} d30={ev.last30d.acceptanceRate} />
          </>
        }
        sub={ev.last30d.reviewed ? `30d ${pct(ev.last30d.acceptanceRate)} of ${formatCount(ev.last30d.reviewed)}` : "nothing reviewed in 30d"}
      />
    </dl>
  );
}
