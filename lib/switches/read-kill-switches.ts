import type { Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import { readGlobal, type SwitchScope } from "./set-kill-switch";
import { switchScopeQuery, type ActiveSwitches, type BlastRadius, type KillSwitchView } from "./schemas";

/** The global switch as it is now (every signed-in role may read it). */
export async function getGlobalKillSwitch(db: DbTx, _actor: Actor): Promise<KillSwitchView> {
  return readGlobal(db);
}

/** Every switch that is on: the console's banner and the kill-switches page. */
export async function getActiveKillSwitches(db: DbTx): Promise<ActiveSwitches> {
  const [global, agents, types] = await Promise.all([
    readGlobal(db),
    db.agent.findMany({ where: { killSwitch: true }, select: { id: true, name: true, killSwitchReason: true, killSwitchChangedAt: true }, orderBy: { name: "asc" } }),
    db.actionType.findMany({ where: { killSwitch: true }, select: { key: true, killSwitchReason: true, killSwitchChangedAt: true }, orderBy: { key: "asc" } }),
  ]);
  return {
    global: global.on ? global : null,
    agents: agents.map((a) => ({ id: a.id, name: a.name, reason: a.killSwitchReason, changedAt: a.killSwitchChangedAt?.toISOString() ?? null })),
    actionTypes: types.map((t) => ({ key: t.key, reason: t.killSwitchReason, changedAt: t.killSwitchChangedAt?.toISOString() ?? null })),
  };
}

/**
 * What turning a switch on would stop, counted on the server for the confirmation dialog:
 * pending actions halted at once, and running runs told to stop at their next batch.
 */
export async function killSwitchBlastRadius(db: DbTx, _actor: Actor, scope: SwitchScope): Promise<BlastRadius> {
  if (scope.kind === "global") {
    const [pendingActions, runningRuns] = await Promise.all([db.action.count({ where: { status: "pending" } }), db.run.count({ where: { status: "running" } })]);
    return { pendingActions, runningRuns };
  }
  if (scope.kind === "agent") {
    if (!isUuid(scope.agentId) || !(await db.agent.findUnique({ where: { id: scope.agentId }, select: { id: true } }))) throw new NotFoundError("Agent");
    const [pendingActions, runningRuns] = await Promise.all([
      db.action.count({ where: { status: "pending", agentId: scope.agentId } }),
      db.run.count({ where: { status: "running", agentId: scope.agentId } }),
    ]);
    return { pendingActions, runningRuns };
  }
  const type = await db.actionType.findUnique({ where: { key: scope.key }, select: { id: true } });
  if (!type) throw new NotFoundError("Action type");
  return { pendingActions: await db.action.count({ where: { status: "pending", actionTypeId: type.id } }), runningRuns: null };
}

/** The blast radius for a scope given as a query string. */
export function killSwitchBlastRadiusFor(db: DbTx, actor: Actor, query: Record<string, string>): Promise<BlastRadius> {
  const q = switchScopeQuery.parse(query);
  const scope: SwitchScope = q.scope === "global" ? { kind: "global" } : q.scope === "agent" ? { kind: "agent", agentId: q.agentId } : { kind: "action_type", key: q.key };
  return killSwitchBlastRadius(db, actor, scope);
}
