import { getActionTypeOrThrow, listActionTypes, updateActionType } from "../action-types";
import type { ActionTypeView } from "../action-types/schemas";
import type { Principal } from "../auth/principal";
import { assertRole, type Actor } from "../auth/roles";
import { withTx, type Db, type DbTx } from "../db/client";
import { applyKillSwitch } from "../switches/set-kill-switch";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { setActionTypeLevel } from "./change-level";
import { patchActionTypeInput, type AutonomyChangeView } from "./schemas";

// Policy as code: GET/PATCH /api/v1/action-types[/{key}]. People act with their own role and
// the same rules as the console; agent keys may read their guardrails but never change them.

const asViewer = (p: Principal): Actor =>
  p.kind === "user" ? p.actor : { id: p.agent.agentId, email: "", name: p.agent.agentName, role: "viewer" };

export function listActionTypesFor(db: Db, p: Principal) {
  return listActionTypes(db, asViewer(p));
}

export function getActionTypeFor(db: Db, p: Principal, key: string) {
  return getActionTypeOrThrow(db, asViewer(p), key);
}

/**
 * PATCH: guardrails, a level change and/or the kill switch, in one transaction — a refused part refuses the
 * whole request and nothing is written. `version`, when given, must be the type's current
 * version; a level change must name the level it starts from (`expectedLevel`).
 */
export async function patchActionTypeFor(
  db: DbTx,
  p: Principal,
  key: string,
  raw: unknown,
): Promise<{ actionType: ActionTypeView; levelChange: AutonomyChangeView | null }> {
  if (p.kind === "agent") throw new ForbiddenError("Agent keys cannot change action types or their level; use a personal token.");
  const input = patchActionTypeInput.parse(raw);
  const { level, expectedLevel, reason, override, version, killSwitch, ...guardrails } = input;
  if (level !== undefined && !reason) throw new ValidationError("A level change needs a reason.", [{ path: "reason", message: "required with level" }]);
  if (level !== undefined && expectedLevel === undefined) {
    throw new ValidationError("A level change must name the level it starts from, so it never applies to a level you did not see.", [
      { path: "expectedLevel", message: "required with level" },
    ]);
  }
  return withTx(db, async (tx) => {
    const current = await tx.actionType.findUnique({ where: { key }, select: { version: true } });
    if (!current) throw new NotFoundError("Action type");
    if (version !== undefined && version !== current.version) {
      throw new ConflictError(`Someone else changed ${key} meanwhile (now version ${current.version}); reload and apply your change again.`, {
        currentVersion: current.version,
      });
    }
    if (Object.keys(guardrails).length) await updateActionType(tx, p.actor, key, { ...guardrails, version: current.version });
    const levelChange =
      level === undefined ? null : await setActionTypeLevel(tx, p.actor, key, { level, expectedLevel, reason, override: override ?? false });
    if (killSwitch !== undefined) {
      assertRole(p.actor, "manager", "flip kill switches");
      await applyKillSwitch(tx, { actor: p.actor }, { kind: "action_type", key }, killSwitch, reason ?? null);
    }
    return { actionType: await getActionTypeOrThrow(tx, p.actor, key), levelChange };
  });
}
