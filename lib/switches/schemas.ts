import { z } from "zod";

export const setKillSwitchInput = z
  .object({
    on: z.boolean().describe("true stops the scope at once; false lets it act again."),
    reason: z.string().trim().max(500, "at most 500 characters").optional().describe("Shown in the banner, the incident and the audit log."),
  })
  .strict();
export type SetKillSwitchInput = z.infer<typeof setKillSwitchInput>;

export const killSwitchView = z.object({
  on: z.boolean(),
  reason: z.string().nullable(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable().describe("Who flipped it last: a person's name or e-mail, or system (e.g. the daily spend cap)."),
});
export type KillSwitchView = z.infer<typeof killSwitchView>;

export const killSwitchChange = killSwitchView.extend({
  changed: z.boolean().describe("false when the switch was already in that position (nothing was done)."),
  haltedActions: z.number().int().describe("Pending actions halted by this flip (their long-polls answered halted)."),
});
export type KillSwitchChange = z.infer<typeof killSwitchChange>;

export const blastRadius = z.object({
  pendingActions: z.number().int(),
  runningRuns: z.number().int().nullable().describe("Runs told to stop at their next batch; null when the scope does not stop runs (an action type)."),
});
export type BlastRadius = z.infer<typeof blastRadius>;

export type ActiveSwitches = {
  global: KillSwitchView | null;
  agents: { id: string; name: string; reason: string | null; changedAt: string | null }[];
  actionTypes: { key: string; reason: string | null; changedAt: string | null }[];
};

/** ?scope=global | ?scope=agent&agentId=… | ?scope=action_type&key=… (the console's blast-radius query). */
export const switchScopeQuery = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("global") }).strict(),
  z.object({ scope: z.literal("agent"), agentId: z.uuid() }).strict(),
  z.object({ scope: z.literal("action_type"), key: z.string().min(1).max(100) }).strict(),
]);
