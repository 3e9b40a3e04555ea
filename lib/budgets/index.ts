export { enforceRunLimits, type RunAfterBatch, type BatchTotals } from "./enforce-run-limits";
export { grantRunBudget, getRunLimits, listHaltedRuns } from "./grant-run-budget";
export { readSpend, bumpSpend, type SpendNow } from "./spend-counters";
export { checkRunBudgets, detectLoop, spendVerdicts, DEFAULT_LOOP_THRESHOLD, type Trip, type BreakerRule } from "./rules";
export { callSignature, normalizedInput, similarCalls } from "./similar-input";
export { formatUsd, formatTokens, usdToMicros, microsToUsd } from "./money";
export * from "./schemas";
