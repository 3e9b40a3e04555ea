import Link from "next/link";
import type { ActionTypeView } from "@/lib/action-types/schemas";
import { effectiveLevel, type Level } from "@/lib/policy";
import { formatCount } from "../format";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { LevelBadge } from "./level-badge";
import { LEVELS, heldWhileBlocked } from "./levels";

const STAGES: Record<string, string> = { internal: "Internal", beta: "Beta", pct5: "5%", pct25: "25%", pct50: "50%", pct100: "100%" };

function Item({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={`min-w-0 px-4 py-3 ${className ?? ""}`}>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-1 text-[13px] text-zinc-900">{children}</dd>
    </div>
  );
}

/** The type's autonomy, read-only here: levels change by promotion and demotion, with evidence. */
export function AutonomyCard({ type }: { type: ActionTypeView }) {
  // The level the policy acts at: a blocked type set to 1 or 0 still waits for a person (level 2).
  const level = effectiveLevel(type.level as Level, type.blocked);
  const held = heldWhileBlocked(type.level, level);
  return (
    <Card aria-label="Autonomy">
      <dl className="grid grid-cols-2 divide-zinc-200 md:grid-cols-6 md:divide-x">
        <Item label="Autonomy level" className="col-span-2 md:col-span-3">
          <span className="flex items-center gap-2">
            <LevelBadge level={level} />
            {type.killSwitch ? (
              <Badge tone="red" dot>
                Kill switch on
              </Badge>
            ) : null}
          </span>
          <p className="mt-1 text-xs text-zinc-500">
            {held ? `${held}. ` : null}
            {LEVELS[level]?.summary}{" "}
            <Link
              href={`/autonomy/${encodeURIComponent(type.key)}`}
              className="rounded-sm font-medium text-accent-700 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500"
            >
              Promotion and demotion
            </Link>
          </p>
        </Item>
        <Item label="Rollout">{STAGES[type.rolloutStage] ?? type.rolloutStage}</Item>
        <Item label="Waiting for approval">
          <span className="tabular-nums">{formatCount(type.pendingApprovals)}</span>
        </Item>
        <Item label="Drafts waiting">
          <span className="tabular-nums">{formatCount(type.pendingDrafts)}</span>
        </Item>
      </dl>
    </Card>
  );
}
