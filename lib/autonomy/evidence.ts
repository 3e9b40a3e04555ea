// Evidence for an action type, pure: derived from summed counters (evidence_daily) and the
// outcome of the most recent executions.

export type Counts = {
  requests: number;
  reviewed: number;
  accepted: number;
  edited: number;
  rejected: number;
  editSizeSum: number;
  executions: number;
  failedExecutions: number;
  auditPassed: number;
  auditFailed: number;
};

export const ZERO_COUNTS: Counts = {
  requests: 0,
  reviewed: 0,
  accepted: 0,
  edited: 0,
  rejected: 0,
  editSizeSum: 0,
  executions: 0,
  failedExecutions: 0,
  auditPassed: 0,
  auditFailed: 0,
};

export type Evidence = Counts & {
  /** Accepted unedited / reviewed; null with nothing reviewed. */
  acceptanceRate: number | null;
  editRate: number | null;
  /** Mean changed leaf paths per edited review. */
  meanEditSize: number | null;
  failedExecutionRate: number | null;
  auditPassRate: number | null;
  /** Failed executions among the most recent `recentWindow` executions. */
  recentFailures: number;
  recentWindow: number;
  last7d: Counts & { acceptanceRate: number | null };
  last30d: Counts & { acceptanceRate: number | null };
};

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

export function addCounts(a: Counts, b: Partial<Counts>): Counts {
  const out = { ...a };
  for (const k of Object.keys(ZERO_COUNTS) as (keyof Counts)[]) out[k] += Number(b[k] ?? 0);
  return out;
}

export function deriveEvidence(input: {
  all: Counts;
  last7d: Counts;
  last30d: Counts;
  recentFailures: number;
  recentWindow: number;
}): Evidence {
  const { all } = input;
  const audits = all.auditPassed + all.auditFailed;
  return {
    ...all,
    acceptanceRate: rate(all.accepted, all.reviewed),
    editRate: rate(all.edited, all.reviewed),
    meanEditSize: rate(all.editSizeSum, all.edited),
    failedExecutionRate: rate(all.failedExecutions, all.executions),
    auditPassRate: rate(all.auditPassed, audits),
    recentFailures: input.recentFailures,
    recentWindow: input.recentWindow,
    last7d: { ...input.last7d, acceptanceRate: rate(input.last7d.accepted, input.last7d.reviewed) },
    last30d: { ...input.last30d, acceptanceRate: rate(input.last30d.accepted, input.last30d.reviewed) },
  };
}
