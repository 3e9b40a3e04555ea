import { describe, expect, it } from "vitest";
import {
  autoDemotion,
  DEFAULT_THRESHOLDS as T,
  deriveEvidence,
  effectiveThresholds,
  eligibility,
  ZERO_COUNTS,
  type Counts,
} from "../../lib/autonomy";

function ev(c: Partial<Counts>, recentFailures = 0) {
  const all = { ...ZERO_COUNTS, ...c };
  return deriveEvidence({ all, last7d: all, last30d: all, recentFailures, recentWindow: 100 });
}
/** `reviewed` reviews of which `accepted` unedited. */
const reviewed = (n: number, accepted: number) => ev({ reviewed: n, accepted, edited: n - accepted });

describe("evidence", () => {
  it("derives rates, and null when there is nothing to divide by", () => {
    const e = ev({ reviewed: 200, accepted: 180, edited: 15, rejected: 5, editSizeSum: 45, executions: 50, failedExecutions: 2, auditPassed: 9, auditFailed: 1 });
    expect(e).toMatchObject({ acceptanceRate: 0.9, editRate: 0.075, meanEditSize: 3, failedExecutionRate: 0.04, auditPassRate: 0.9 });
    expect(ev({})).toMatchObject({ acceptanceRate: null, editRate: null, meanEditSize: null, failedExecutionRate: null, auditPassRate: null });
  });
});

describe("eligibility 3 → 2 (defaults: 100 reviewed, 95%)", () => {
  it.each([
    [99, 99, false],
    [100, 94, false],
    [100, 95, true], // exactly at the bar is enough
    [100, 100, true],
    [1000, 949, false],
    [1000, 950, true],
  ])("%i reviewed, %i accepted → eligible %s", (n, a, ok) => {
    expect(eligibility(3, reviewed(n, a), T).eligible).toBe(ok);
  });

  it("reports each check and progress toward the bar", () => {
    const e = eligibility(3, reviewed(50, 50), T);
    expect(e).toMatchObject({ nextLevel: 2, eligible: false, needsSignOff: false, progress: 0.5 });
    expect(e.checks.map((c) => [c.label, c.ok])).toEqual([
      ["reviewed proposals", false],
      ["acceptance rate", true],
    ]);
    expect(eligibility(3, ev({}), T)).toMatchObject({ eligible: false, progress: 0 });
  });
});

describe("eligibility 2 → 1 (defaults: 1,000 reviewed, 98%, no failure in the last 100)", () => {
  it.each([
    [999, 999, 0, false],
    [1000, 979, 0, false],
    [1000, 980, 0, true],
    [1000, 1000, 1, false],
  ])("%i reviewed, %i accepted, %i recent failures → %s", (n, a, f, ok) => {
    const e = ev({ reviewed: n, accepted: a }, f);
    expect(eligibility(2, e, T).eligible).toBe(ok);
  });
});

describe("labels", () => {
  it("name the evidence for what it is: proposals people reviewed, executions the agent reported", () => {
    expect(eligibility(2, reviewed(10, 10), T).checks.map((c) => c.label)).toEqual([
      "reviewed proposals",
      "acceptance rate",
      "failed agent executions in the last 100",
    ]);
  });
});

describe("blocked types (the policy holds them at level 2)", () => {
  it("have no next level from 2, 1 or 0, whatever the evidence", () => {
    for (const level of [2, 1, 0] as const) {
      expect(eligibility(level, reviewed(10_000, 10_000), T, { blocked: true })).toMatchObject({
        level,
        effectiveLevel: 2,
        nextLevel: null,
        eligible: false,
        needsSignOff: false,
        checks: [],
      });
    }
  });

  it("may still go from draft to approval on evidence", () => {
    expect(eligibility(3, reviewed(100, 100), T, { blocked: true })).toMatchObject({ effectiveLevel: 3, nextLevel: 2, eligible: true });
    expect(eligibility(1, reviewed(0, 0), T)).toMatchObject({ effectiveLevel: 1, nextLevel: 0, needsSignOff: true });
  });
});

describe("levels 1 and 0", () => {
  it("1 → 0 is never eligible by numbers: it needs a request and another admin's sign-off", () => {
    expect(eligibility(1, reviewed(10_000, 10_000), T)).toMatchObject({ nextLevel: 0, eligible: false, needsSignOff: true });
    expect(eligibility(0, reviewed(10_000, 10_000), T)).toMatchObject({ nextLevel: null, eligible: false });
  });
});

describe("per-type thresholds", () => {
  it("override the defaults; invalid overrides are ignored", () => {
    const th = effectiveThresholds({ draftToApprovalMinReviewed: 10, draftToApprovalMinAcceptance: 0.8 });
    expect(eligibility(3, reviewed(10, 8), th).eligible).toBe(true);
    expect(effectiveThresholds({ draftToApprovalMinReviewed: -1 })).toEqual(T);
    expect(effectiveThresholds(null)).toEqual(T);
  });
});

describe("automatic demotion", () => {
  const w = (auditPassed: number, auditFailed: number, executions = 0, failedExecutions = 0) => ({ auditPassed, auditFailed, executions, failedExecutions });

  it("demotes when the audit failure rate crosses the bar (strictly above), with enough samples", () => {
    expect(autoDemotion(1, w(18, 2), T)).toEqual({ demote: false }); // exactly 10%
    expect(autoDemotion(1, w(17, 3), T)).toMatchObject({ demote: true, reason: expect.stringMatching(/audit failure rate 15.0%/) });
    expect(autoDemotion(1, w(10, 9), T)).toEqual({ demote: false }); // 19 samples: too few to judge
  });

  it("demotes on the failed-execution rate too", () => {
    expect(autoDemotion(0, w(0, 0, 20, 3), T)).toMatchObject({ demote: true, reason: expect.stringMatching(/failed-execution rate 15.0%/) });
    expect(autoDemotion(0, w(0, 0, 20, 2), T)).toEqual({ demote: false });
  });

  it("never judges types a person already checks (levels 2 and 3)", () => {
    expect(autoDemotion(2, w(0, 100, 100, 100), T)).toEqual({ demote: false });
    expect(autoDemotion(3, w(0, 100, 100, 100), T)).toEqual({ demote: false });
  });
});
