import { describe, expect, it } from "vitest";
import { decideRoute, effectiveLevel, rolloutBucket, type Level, type PolicyInput, type RolloutStage } from "../../lib/policy";

// A request that would execute autonomously; each test changes only what it is about.
function input(over: Partial<Omit<PolicyInput, "actionType">> & { actionType?: Partial<PolicyInput["actionType"]> } = {}): PolicyInput {
  return {
    killSwitches: { global: false, agent: false, actionType: false },
    schemaErrors: [],
    runBreaker: { tripped: false },
    confidence: 0.9,
    rolloutBucket: 0,
    auditDraw: 0.5,
    ...over,
    actionType: { level: 0, blocked: false, minConfidence: null, auditSampleRate: 0.1, rolloutStage: "pct100", ...over.actionType },
  };
}
const schemaError = [{ path: "payload.amount", message: "must be <= 100" }];

describe("decideRoute: each rule alone", () => {
  it.each([0, 1, 2, 3] as Level[])("level %i decides when nothing else applies", (level) => {
    const d = decideRoute(input({ actionType: { level } }));
    expect(d.route).toBe({ 0: "execute", 1: "execute", 2: "approval", 3: "draft" }[level]);
    expect(d.level).toBe(level);
  });

  it.each(["global", "agent", "actionType"] as const)("the %s kill switch halts", (which) => {
    const d = decideRoute(input({ killSwitches: { global: false, agent: false, actionType: false, [which]: true } }));
    expect(d).toMatchObject({ route: "halted", auditSampled: false });
    expect(d.reason).toMatch(/kill switch/);
  });

  it("a schema failure rejects", () => {
    expect(decideRoute(input({ schemaErrors: schemaError })).route).toBe("rejected");
  });

  it("a tripped run breaker halts with its reason", () => {
    const d = decideRoute(input({ runBreaker: { tripped: true, reason: "loop detected: search_orders called 6 times in a row" } }));
    expect(d).toMatchObject({ route: "halted", reason: "Halted: loop detected: search_orders called 6 times in a row" });
  });

  it("a blocked type needs at least approval", () => {
    for (const level of [0, 1] as Level[]) expect(decideRoute(input({ actionType: { level, blocked: true } }))).toMatchObject({ route: "approval", level: 2 });
    expect(decideRoute(input({ actionType: { level: 3, blocked: true } }))).toMatchObject({ route: "draft", level: 3 });
  });

  it("effectiveLevel, which the console shows, is the level the policy acts at for every level, blocked or not", () => {
    for (const level of [0, 1, 2, 3] as Level[]) {
      for (const blocked of [false, true]) {
        expect(effectiveLevel(level, blocked)).toBe(decideRoute(input({ actionType: { level, blocked } })).level);
      }
    }
  });

  it("low confidence escalates to approval; confidence exactly at the threshold does not", () => {
    const t = { level: 0 as Level, minConfidence: 0.8 };
    expect(decideRoute(input({ confidence: 0.79, actionType: t }))).toMatchObject({ route: "approval", level: 2 });
    expect(decideRoute(input({ confidence: 0.8, actionType: t }))).toMatchObject({ route: "execute", level: 0 });
    expect(decideRoute(input({ confidence: 0.81, actionType: t }))).toMatchObject({ route: "execute", level: 0 });
    expect(decideRoute(input({ confidence: null, actionType: t })).route).toBe("approval");
    expect(decideRoute(input({ confidence: null, actionType: { level: 0 } })).route).toBe("execute");
  });

  it("a rollout stage below 100% sends subjects outside its share to the human path (draft)", () => {
    const stages: [RolloutStage, number][] = [["internal", 0], ["beta", 0], ["pct5", 5], ["pct25", 25], ["pct50", 50], ["pct100", 100]];
    for (const [stage, share] of stages) {
      for (const bucket of [0, 4, 5, 24, 25, 49, 50, 99]) {
        const d = decideRoute(input({ rolloutBucket: bucket, actionType: { level: 0, rolloutStage: stage } }));
        expect([stage, bucket, d.route]).toEqual([stage, bucket, bucket < share ? "execute" : "draft"]);
      }
    }
  });

  it("level 1 samples for audit at the configured rate (draw strictly below the rate)", () => {
    const t = { level: 1 as Level, auditSampleRate: 0.25 };
    expect(decideRoute(input({ auditDraw: 0.2499, actionType: t })).auditSampled).toBe(true);
    expect(decideRoute(input({ auditDraw: 0.25, actionType: t })).auditSampled).toBe(false);
    expect(decideRoute(input({ auditDraw: 0, actionType: { level: 1, auditSampleRate: 0 } })).auditSampled).toBe(false);
    expect(decideRoute(input({ auditDraw: 0.999, actionType: { level: 1, auditSampleRate: 1 } })).auditSampled).toBe(true);
    expect(decideRoute(input({ auditDraw: 0, actionType: { level: 0, auditSampleRate: 1 } })).auditSampled).toBe(false);
  });
});

describe("decideRoute: precedence (first match wins)", () => {
  const kill = { killSwitches: { global: true, agent: false, actionType: false } };
  const schema = { schemaErrors: schemaError };
  const breaker = { runBreaker: { tripped: true as const, reason: "cost budget exceeded" } };

  it("kill switch beats schema, breaker and everything after", () => {
    expect(decideRoute(input({ ...kill, ...schema, ...breaker, confidence: 0, actionType: { blocked: true } })).reason).toMatch(/kill switch/);
  });

  it("schema beats the run breaker and the escalations", () => {
    expect(decideRoute(input({ ...schema, ...breaker })).route).toBe("rejected");
    expect(decideRoute(input({ ...schema, actionType: { blocked: true } })).route).toBe("rejected");
  });

  it("the run breaker beats blocked, confidence and rollout", () => {
    const d = decideRoute(input({ ...breaker, confidence: 0, rolloutBucket: 99, actionType: { blocked: true, minConfidence: 0.5, rolloutStage: "pct5" } }));
    expect(d.route).toBe("halted");
  });

  it("rollout's human path (level 3) outranks blocked and low confidence (level 2)", () => {
    const d = decideRoute(input({ confidence: 0.1, rolloutBucket: 99, actionType: { level: 0, blocked: true, minConfidence: 0.5, rolloutStage: "pct50" } }));
    expect(d).toMatchObject({ route: "draft", level: 3 });
    expect(d.reason).toMatch(/blocked list.*confidence 0.1.*rollout stage pct50/);
  });

  it("blocked and low confidence together still give approval, naming both", () => {
    const d = decideRoute(input({ confidence: 0.1, actionType: { level: 0, blocked: true, minConfidence: 0.5 } }));
    expect(d).toMatchObject({ route: "approval", level: 2 });
    expect(d.reason).toMatch(/blocked list/);
  });

  it("escalations never lower a level", () => {
    expect(decideRoute(input({ confidence: 0.1, actionType: { level: 3, minConfidence: 0.5 } }))).toMatchObject({ route: "draft", level: 3 });
  });
});

describe("rolloutBucket", () => {
  it("is stable and spreads subjects over 0–99", () => {
    expect(rolloutBucket("customer-42")).toBe(rolloutBucket("customer-42"));
    const buckets = Array.from({ length: 10_000 }, (_, i) => rolloutBucket(`customer-${i}`));
    expect(Math.min(...buckets)).toBe(0);
    expect(Math.max(...buckets)).toBe(99);
    const underFive = buckets.filter((b) => b < 5).length / buckets.length;
    expect(underFive).toBeGreaterThan(0.04);
    expect(underFive).toBeLessThan(0.06);
  });
});
