import { BLOCKED_FLOOR, effectiveLevel } from "../policy/decide-route";
import type { Evidence } from "./evidence";
import type { Thresholds } from "./thresholds";

export const LEVEL_NAMES = { 3: "draft", 2: "approval", 1: "audit", 0: "autonomous" } as const;
export type Level = keyof typeof LEVEL_NAMES;

export type Check = { label: string; actual: number | null; required: number; ok: boolean; kind: "count" | "rate" | "max" };

export type Eligibility = {
  level: Level;
  /** The level the policy acts at: a blocked type is held at level 2 whatever its own level. */
  effectiveLevel: Level;
  /** The level a promotion would move to (null at level 0, and from level 2 down for a blocked type). */
  nextLevel: Level | null;
  eligible: boolean;
  /** 1 → 0 is never "eligible" by numbers alone: it needs a manager's request and another admin's sign-off. */
  needsSignOff: boolean;
  checks: Check[];
  /** 0..1: the least-satisfied check's progress, for the board's progress bar. */
  progress: number;
};

function countCheck(label: string, actual: number, required: number): Check {
  return { label, actual, required, ok: actual >= required, kind: "count" };
}
function rateCheck(label: string, actual: number | null, required: number): Check {
  // "above the bar": at least the configured rate (95% means 95 of 100 is enough).
  return { label, actual, required, ok: actual !== null && actual >= required, kind: "rate" };
}

// The evidence, named for what it is: "reviewed proposals" are the agent's proposals a person
// judged (approvals decided, drafts recorded); "agent executions" are actions the agent carried
// out and reported on. Drafts are carried out by people, so they are never agent executions.

/**
 * Whether a type may be promoted one level on its evidence, pure. A blocked type never goes
 * below level 2 (the policy would hold it there anyway): from 2, 1 or 0 it has no next level.
 */
export function eligibility(level: Level, ev: Evidence, t: Thresholds, opts: { blocked?: boolean } = {}): Eligibility {
  const blocked = opts.blocked ?? false;
  const held = blocked && level <= BLOCKED_FLOOR;
  let checks: Check[] = [];
  let nextLevel: Level | null = null;
  if (level === 3) {
    nextLevel = 2;
    checks = [
      countCheck("reviewed proposals", ev.reviewed, t.draftToApprovalMinReviewed),
      rateCheck("acceptance rate", ev.acceptanceRate, t.draftToApprovalMinAcceptance),
    ];
  } else if (held) {
    nextLevel = null;
  } else if (level === 2) {
    nextLevel = 1;
    checks = [
      countCheck("reviewed proposals", ev.reviewed, t.approvalToAuditMinReviewed),
      rateCheck("acceptance rate", ev.acceptanceRate, t.approvalToAuditMinAcceptance),
      {
        label: `failed agent executions in the last ${t.approvalToAuditCleanExecutions}`,
        actual: ev.recentFailures,
        required: 0,
        ok: ev.recentFailures === 0,
        kind: "max",
      },
    ];
  } else if (level === 1) {
    nextLevel = 0;
  }
  const progress = checks.length
    ? Math.min(
        ...checks.map((c) =>
          c.ok ? 1 : c.kind === "max" ? 0 : c.actual === null ? 0 : Math.max(0, Math.min(1, c.actual / c.required)),
        ),
      )
    : level === 1 && !held
      ? 1
      : 0;
  return {
    level,
    effectiveLevel: effectiveLevel(level, blocked),
    nextLevel,
    eligible: checks.length > 0 && checks.every((c) => c.ok),
    needsSignOff: level === 1 && !held,
    checks,
    progress,
  };
}

export type DemotionVerdict = { demote: false } | { demote: true; reason: string };

/**
 * Automatic demotion by one level, pure: when, in the evaluation window, the audit failure rate
 * or the failed-execution rate crosses its threshold (with enough samples to mean something).
 * Only types that act without a person first (levels 0 and 1) are judged.
 */
export function autoDemotion(level: Level, window: { auditPassed: number; auditFailed: number; executions: number; failedExecutions: number }, t: Thresholds): DemotionVerdict {
  if (level > 1) return { demote: false };
  const audits = window.auditPassed + window.auditFailed;
  if (audits >= t.demotionMinSamples) {
    const r = window.auditFailed / audits;
    if (r > t.maxAuditFailureRate) {
      return { demote: true, reason: `audit failure rate ${(r * 100).toFixed(1)}% over the last ${t.demotionWindowDays} days exceeds ${(t.maxAuditFailureRate * 100).toFixed(1)}%` };
    }
  }
  if (window.executions >= t.demotionMinSamples) {
    const r = window.failedExecutions / window.executions;
    if (r > t.maxFailedExecutionRate) {
      return { demote: true, reason: `failed-execution rate ${(r * 100).toFixed(1)}% over the last ${t.demotionWindowDays} days exceeds ${(t.maxFailedExecutionRate * 100).toFixed(1)}%` };
    }
  }
  return { demote: false };
}
