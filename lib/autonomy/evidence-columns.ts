import type { Counts } from "./evidence";

/** The evidence_daily counter column for each count; SQL is built from this fixed table, never from input. */
export const EVIDENCE_COLUMNS: Record<keyof Counts, string> = {
  requests: "requests",
  reviewed: "reviewed",
  accepted: "accepted",
  edited: "edited",
  rejected: "rejected",
  editSizeSum: "edit_size_sum",
  executions: "executions",
  failedExecutions: "failed_executions",
  auditPassed: "audit_passed",
  auditFailed: "audit_failed",
};

export const COUNT_KEYS = Object.keys(EVIDENCE_COLUMNS) as (keyof Counts)[];
