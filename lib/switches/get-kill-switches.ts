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
