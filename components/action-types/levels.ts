import type { Tone } from "../ui/badge";

// The autonomy levels (docs/policy-and-autonomy.md), as people read them (action types, autonomy board).
export const LEVEL_ORDER = [3, 2, 1, 0] as const;

export const LEVELS: Record<number, { name: string; tone: Tone; summary: string }> = {
  3: { name: "Draft", tone: "neutral", summary: "The agent only proposes; a person does the real work and records what they did." },
  2: { name: "Approval", tone: "blue", summary: "The action waits in the approval queue until a reviewer approves (optionally editing) or rejects it." },
  1: { name: "Audit", tone: "accent", summary: "The agent acts at once; a sample of its actions lands in the audit queue for review after the fact." },
  0: { name: "Autonomous", tone: "green", summary: "The agent acts at once; metrics and drift are still watched." },
};

export function levelName(level: number): string {
  return LEVELS[level]?.name ?? `Level ${level}`;
}

/** "2 · Approval" */
export function levelLabel(level: number): string {
  return `${level} · ${levelName(level)}`;
}

/**
 * A blocked type set below level 2 acts at level 2 (the policy's floor for blocked types); the
 * console shows that level and says so: "Set to level 1 · Audit, held at level 2 while blocked".
 */
export function heldWhileBlocked(level: number, effective: number): string | null {
  return effective !== level ? `Set to level ${levelLabel(level)}, held at level ${effective} while blocked` : null;
}
