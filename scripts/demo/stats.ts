// What the demo did, counted on the client side for the closing summary.

type Tally = Record<string, number>;
const bump = (t: Tally, k: string, n = 1) => (t[k] = (t[k] ?? 0) + n);

export const stats = {
  runs: { succeeded: 0, failed: 0 } as Tally,
  spans: 0,
  spanErrors: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  scores: 0,
  /** type → decision (execute, wait, draft, rejected, halted, unavailable) → count */
  decisions: {} as Record<string, Tally>,
  /** type → level the request was handled at → count */
  levels: {} as Record<string, Tally>,
  results: { succeeded: 0, failed: 0 } as Tally,
  reviews: {} as Tally,
  /** Requests Warden refused because the payload broke the type's JSON Schema. */
  schemaRejections: 0,
  sdkErrors: 0,
  /** CRM results reported while the type was still at level 1 (the auto-demotion evidence). */
  crmLevel1Executions: 0,
  crmLevel1Failures: 0,
  bump,
  decision(type: string, decision: string, level: number | null) {
    bump((this.decisions[type] ??= {}), decision);
    if (level !== null) bump((this.levels[type] ??= {}), String(level));
  },
};
