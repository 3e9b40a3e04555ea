// The autonomy policy (docs/policy-and-autonomy.md): one pure function from a request and its
// context to a route. First match wins, in this order:
//   1 kill switch (global, agent, type) → halted      2 schema fails → rejected
//   3 run breaker tripped → halted                      4 blocked type → at least level 2
//   5 confidence below threshold → at least level 2     6 rollout routes subject to humans → level 3
//   7 otherwise the type's level decides.

export type Level = 0 | 1 | 2 | 3;
export type Route = "execute" | "approval" | "draft" | "rejected" | "halted";
export type RolloutStage = "internal" | "beta" | "pct5" | "pct25" | "pct50" | "pct100";

export type PolicyInput = {
  killSwitches: { global: boolean; agent: boolean; actionType: boolean };
  /** Schema errors for the payload, or an empty list when it conforms (or there is no schema). */
  schemaErrors: readonly { path: string; message: string }[];
  runBreaker: { tripped: false } | { tripped: true; reason: string };
  actionType: { level: Level; blocked: boolean; minConfidence: number | null; auditSampleRate: number; rolloutStage: RolloutStage };
  confidence: number | null;
  /** A number in [0, 100) stable for the action's subject (see rolloutBucket). */
  rolloutBucket: number;
  /** A uniform draw in [0, 1) for audit sampling; injected so the function stays pure. */
  auditDraw: number;
};

export type PolicyDecision = {
  route: Route;
  /** The level the request was handled at, after the floors (blocked, confidence, rollout). */
  level: Level;
  reason: string;
  /** Level-1 executions chosen for after-the-fact review. */
  auditSampled: boolean;
};

const ROLLOUT_SHARE: Record<RolloutStage, number> = { internal: 0, beta: 0, pct5: 5, pct25: 25, pct50: 50, pct100: 100 };

/** A blocked (destructive) type always needs a person first: it acts at this level at most. */
export const BLOCKED_FLOOR: Level = 2;

/**
 * The level a type acts at before any per-request escalation (confidence, rollout): its own
 * level, raised to BLOCKED_FLOOR when it is blocked. What the console shows as its level.
 */
export function effectiveLevel(level: Level, blocked: boolean): Level {
  return blocked && level < BLOCKED_FLOOR ? BLOCKED_FLOOR : level;
}

export function decideRoute(input: PolicyInput): PolicyDecision {
  const t = input.actionType;
  const ks = input.killSwitches;
  if (ks.global || ks.agent || ks.actionType) {
    const which = ks.global ? "the global kill switch" : ks.agent ? "this agent's kill switch" : "this action type's kill switch";
    return { route: "halted", level: t.level, reason: `Halted: ${which} is on.`, auditSampled: false };
  }
  if (input.schemaErrors.length > 0) {
    return { route: "rejected", level: t.level, reason: "The payload does not match the action type's schema.", auditSampled: false };
  }
  if (input.runBreaker.tripped) {
    return { route: "halted", level: t.level, reason: `Halted: ${input.runBreaker.reason}`, auditSampled: false };
  }

  // Escalations only ever raise the level; every one that raises it is named in the reason.
  const floors: { level: Level; why: string }[] = [];
  if (t.blocked) floors.push({ level: BLOCKED_FLOOR, why: "the action type is on the blocked list (always needs a person)" });
  if (t.minConfidence !== null && (input.confidence === null || input.confidence < t.minConfidence)) {
    floors.push({
      level: 2,
      why:
        input.confidence === null
          ? `no confidence was given and the type requires at least ${t.minConfidence}`
          : `confidence ${input.confidence} is below the type's threshold ${t.minConfidence}`,
    });
  }
  if (input.rolloutBucket >= ROLLOUT_SHARE[t.rolloutStage]) {
    floors.push({ level: 3, why: `rollout stage ${t.rolloutStage} routes this subject to the human path` });
  }
  const raising = floors.filter((f) => f.level > t.level);
  const level = raising.reduce<Level>((l, f) => (f.level > l ? f.level : l), t.level);
  const reasons = raising.map((f) => f.why);

  const byLevel = reasons.length ? `Escalated to level ${level}: ${reasons.join("; ")}.` : null;
  switch (level) {
    case 0:
      return { route: "execute", level, reason: "Autonomous (level 0).", auditSampled: false };
    case 1: {
      const sampled = input.auditDraw < t.auditSampleRate;
      return { route: "execute", level, reason: `Audited (level 1)${sampled ? "; sampled for audit" : ""}.`, auditSampled: sampled };
    }
    case 2:
      return { route: "approval", level, reason: byLevel ?? "Needs approval (level 2).", auditSampled: false };
    case 3:
      return { route: "draft", level, reason: byLevel ?? "Draft only (level 3): a person does the real work.", auditSampled: false };
  }
}

/** A stable bucket in [0, 100) for a subject, so one customer always lands on the same path. */
export function rolloutBucket(subject: string): number {
  // FNV-1a, 32 bit: tiny, stable across processes and versions.
  let h = 0x811c9dc5;
  for (let i = 0; i < subject.length; i++) {
    h ^= subject.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 100;
}
