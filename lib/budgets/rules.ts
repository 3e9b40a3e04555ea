// The breakers, pure (docs/policy-and-autonomy.md). What the numbers mean:
//   - a run's budget is crossed when its total is *over* the budget: exactly at it still runs;
//   - a loop is more than `threshold` consecutive similar calls of one tool (similar-input.ts):
//     with the default 5, the 6th such call trips, the 5th does not. Only tool calls count:
//     the LLM steps between them are the loop's own turns, not progress;
//   - a spend threshold is crossed when the agent's spend in the window is over it.
// Every reason names the rule and the numbers, because the agent (and a person) reads it.

import { formatTokens, formatUsd } from "./money";
import { similarCalls } from "./similar-input";

export const DEFAULT_LOOP_THRESHOLD = 5;

export type BreakerRule = "cost_budget" | "token_budget" | "loop";

export type Trip = { rule: BreakerRule; reason: string; details: Record<string, string | number> };

export type RunBudgets = { costMicros: bigint | null; tokens: bigint | null };

/** The first budget the run's totals are over, or null. Cost is checked before tokens. */
export function checkRunBudgets(totals: { costMicros: bigint; tokens: bigint }, budgets: RunBudgets): Trip | null {
  if (budgets.costMicros !== null && totals.costMicros > budgets.costMicros) {
    return {
      rule: "cost_budget",
      reason: `Cost budget exceeded: this run has cost ${formatUsd(totals.costMicros)}, over its budget of ${formatUsd(budgets.costMicros)}.`,
      details: { costUsd: Number(totals.costMicros) / 1e6, budgetUsd: Number(budgets.costMicros) / 1e6 },
    };
  }
  if (budgets.tokens !== null && totals.tokens > budgets.tokens) {
    return {
      rule: "token_budget",
      reason: `Token budget exceeded: this run has used ${formatTokens(totals.tokens)} tokens, over its budget of ${formatTokens(budgets.tokens)}.`,
      details: { tokens: Number(totals.tokens), budgetTokens: Number(budgets.tokens) },
    };
  }
  return null;
}

export type ToolCall = { name: string; input: unknown };

/**
 * How many of the latest tool calls (newest first) are similar to the newest one, without a
 * dissimilar call between them; trips when that streak is over the threshold. Give it the
 * newest `threshold + 1` calls: more cannot change the verdict.
 */
export function detectLoop(newestFirst: readonly ToolCall[], threshold: number): { streak: number; trip: Trip | null } {
  if (newestFirst.length === 0) return { streak: 0, trip: null };
  const head = newestFirst[0];
  let streak = 1;
  while (streak < newestFirst.length && similarCalls(newestFirst[streak], head)) streak++;
  if (streak <= threshold) return { streak, trip: null };
  return {
    streak,
    trip: {
      rule: "loop",
      reason: `Loop detected: ${streak} consecutive calls of tool "${head.name}" with similar input, more than the limit of ${threshold}.`,
      details: { tool: head.name, calls: streak, threshold },
    },
  };
}

export type SpendLimits = { hourlyAlertMicros: bigint | null; dailyAlertMicros: bigint | null; dailyCapMicros: bigint | null };

export type SpendVerdict = { kind: "hourly_alert" | "daily_alert" | "daily_cap"; spentMicros: bigint; limitMicros: bigint; reason: string };

/** Every spend limit the agent's current hour or day is over (each raised once per window by the caller). */
export function spendVerdicts(spent: { hourMicros: bigint; dayMicros: bigint }, limits: SpendLimits): SpendVerdict[] {
  const out: SpendVerdict[] = [];
  const over = (kind: SpendVerdict["kind"], s: bigint, limit: bigint | null, what: string) => {
    if (limit !== null && s > limit) out.push({ kind, spentMicros: s, limitMicros: limit, reason: `${what}: ${formatUsd(s)}, over ${formatUsd(limit)}.` });
  };
  over("hourly_alert", spent.hourMicros, limits.hourlyAlertMicros, "Spend this hour (UTC)");
  over("daily_alert", spent.dayMicros, limits.dailyAlertMicros, "Spend today (UTC)");
  over("daily_cap", spent.dayMicros, limits.dailyCapMicros, "Daily hard cap reached: spend today (UTC)");
  return out;
}
