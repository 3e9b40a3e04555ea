import type { DbTx } from "../db/client";

export const GLOBAL_KILL_SWITCH = "kill_switch.global";

export type AgentSwitches = { global: boolean; agent: boolean };

/** The global and per-agent kill switches as they are right now (read on every request). */
export async function getKillSwitches(db: DbTx, agentId: string): Promise<AgentSwitches> {
  const rows = await db.$queryRaw<{ global: boolean | null; agent: boolean | null }[]>`
    SELECT (SELECT (value = 'true'::jsonb) FROM settings WHERE key = ${GLOBAL_KILL_SWITCH}) AS global,
           (SELECT kill_switch FROM agents WHERE id = ${agentId}::uuid) AS agent`;
  return { global: rows[0]?.global === true, agent: rows[0]?.agent === true };
}

// The global switch for the hot path: cached briefly per instance, and proven current by the
// statement that records the action (lib/actions/commit-action-request.ts).
const g = globalThis as unknown as { __wardenGlobalSwitch?: { on: boolean; at: number } };
const GLOBAL_TTL_MS = 30_000;

export async function cachedGlobalSwitch(db: DbTx, opts: { fresh?: boolean } = {}): Promise<boolean> {
  const c = g.__wardenGlobalSwitch;
  if (!opts.fresh && c && Date.now() - c.at < GLOBAL_TTL_MS) return c.on;
  const rows = await db.$queryRaw<{ on: boolean | null }[]>`
    SELECT (SELECT (value = 'true'::jsonb) FROM settings WHERE key = ${GLOBAL_KILL_SWITCH}) AS on`;
  const on = rows[0]?.on === true;
  g.__wardenGlobalSwitch = { on, at: Date.now() };
  return on;
}
