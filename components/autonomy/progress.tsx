import type { BoardType, Check } from "@/lib/autonomy";
import { cn } from "../ui/cn";
import { capitalize, checkValues, pct } from "./format";
import { CheckCircleIcon, DotCircleIcon } from "../ui/icons";
import { heldWhileBlocked, levelLabel } from "../action-types/levels";

export function ProgressBar({ value, eligible, label }: { value: number; eligible: boolean; label: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-1.5 overflow-hidden rounded-full bg-zinc-100"
    >
      <div className={cn("h-full rounded-full transition-[width]", eligible ? "bg-emerald-500" : "bg-accent-500")} style={{ width: `${percent}%` }} />
    </div>
  );
}

export function CheckList({ checks, compact = false }: { checks: Check[]; compact?: boolean }) {
  return (
    <ul className={cn("space-y-1", compact ? "text-xs" : "text-[13px]")}>
      {checks.map((c) => {
        const v = checkValues(c);
        return (
          <li key={c.label} className="flex items-center gap-2">
            {c.ok ? (
              <CheckCircleIcon className="size-3.5 shrink-0 text-emerald-600" />
            ) : (
              <DotCircleIcon className="size-3.5 shrink-0 text-zinc-500" />
            )}
            <span className="min-w-0 flex-1 truncate text-zinc-600">
              {capitalize(c.label)}
              <span className="sr-only">{c.ok ? ": met" : ": not met"}</span>
            </span>
            <span className="shrink-0 tabular-nums">
              <span className={c.ok ? "font-medium text-zinc-900" : "font-medium text-zinc-700"}>{v.actual}</span>
              <span className="text-zinc-500"> / {v.required}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Automatic demotion guards types that act before a person looks (levels 1 and 0). */
export function AutoDemotionNote({ type }: { type: BoardType }) {
  const t = type.thresholds;
  return (
    <p className="text-xs text-zinc-500">
      Demoted automatically when, over {t.demotionWindowDays} days, audit failures exceed {pct(t.maxAuditFailureRate)} or failed
      agent executions exceed {pct(t.maxFailedExecutionRate)} (from {t.demotionMinSamples} samples).
    </p>
  );
}

/** Where the type stands against the next level's thresholds. */
export function NextLevelProgress({ type }: { type: BoardType }) {
  const e = type.eligibility;
  if (type.blocked && type.effectiveLevel === 2 && e.nextLevel === null) {
    return (
      <div className="space-y-1">
        <p className="text-[13px] font-medium text-zinc-800">Highest level while blocked</p>
        <p className="text-xs text-zinc-500">
          {type.level < type.effectiveLevel
            ? `${heldWhileBlocked(type.level, type.effectiveLevel)}. Off the blocked list it acts at level ${type.level} again at once.`
            : "Cannot be promoted past level 2 while blocked."}
        </p>
      </div>
    );
  }
  if (type.level === 0) {
    return (
      <div className="space-y-1">
        <p className="text-[13px] font-medium text-zinc-800">Highest level</p>
        <AutoDemotionNote type={type} />
      </div>
    );
  }
  if (e.needsSignOff) {
    return (
      <div className="space-y-1">
        <p className="text-[13px] font-medium text-zinc-800">Toward level {levelLabel(0)}</p>
        <p className="text-xs text-zinc-500">Needs a manager&apos;s request and a different admin&apos;s sign-off; numbers alone never grant full autonomy.</p>
        <AutoDemotionNote type={type} />
      </div>
    );
  }
  const percent = Math.round(e.progress * 100);
  const label = `Progress toward level ${e.nextLevel}`;
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-[13px] font-medium text-zinc-800">Toward level {levelLabel(e.nextLevel ?? 0)}</p>
        <p className={cn("text-xs font-medium tabular-nums", e.eligible ? "text-emerald-700" : "text-zinc-500")}>
          {e.eligible ? "All thresholds met" : `${percent}%`}
        </p>
      </div>
      <ProgressBar value={e.progress} eligible={e.eligible} label={label} />
      <CheckList checks={e.checks} />
    </div>
  );
}
