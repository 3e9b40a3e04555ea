import { z } from "zod";
import { getActionTypeOrThrow, listActionTypes, updateActionType } from "../action-types";
import { updateActionTypeInput, type ActionTypeView } from "../action-types/schemas";
import type { Principal } from "../auth/principal";
import type { Actor } from "../auth/roles";
import type { Db } from "../db/client";
import { ForbiddenError, ValidationError } from "../errors";
import { setActionTypeLevel } from "./change-level";
import type { AutonomyChangeView } from "./schemas";

// Policy as code: GET/PATCH /api/v1/action-types[/{key}]. People act with their own role and
// the same rules as the console; agent keys may read their guardrails but never change them.

export const patchActionTypeInput = updateActionTypeInput
  .omit({ version: true })
  .extend({
    version: z.int().min(1).optional(),
    level: z.int().min(0).max(3).optional(),
    reason: z.string().trim().max(2000).optional(),
    override: z.boolean().optional(),
  })
  .strict();

const asViewer = (p: Principal): Actor =>
  p.kind === "user" ? p.actor : { id: p.agent.agentId, email: "", name: p.agent.agentName, role: "viewer" };

export function listActionTypesFor(db: Db, p: Principal) {
  return listActionTypes(db, asViewer(p));
}

export function getActionTypeFor(db: Db, p: Principal, key: string) {
  return getActionTypeOrThrow(db, asViewer(p), key);
}

export async function patchActionTypeFor(
  db: Db,
  p: Principal,
  key: string,
  raw: unknown,
): Promise<{ actionType: ActionTypeView; levelChange: AutonomyChangeView | null }> {
  if (p.kind === "agent") throw new ForbiddenError("Agent keys cannot change action types or their level; use a personal token.");
  const input = patchActionTypeInput.parse(raw);
  const { level, reason, override, version, ...guardrails } = input;
  if (level !== undefined && !reason) throw new ValidationError("A level change needs a reason.", [{ path: "reason", message: "required with level" }]);
  let levelChange: AutonomyChangeView | null = null;
  if (Object.keys(guardrails).length) {
    const current = await getActionTypeOrThrow(db, p.actor, key);
    await updateActionType(db, p.actor, key, { ...guardrails, version: version ?? current.version });
  }
  if (level !== undefined) levelChange = await setActionTypeLevel(db, p.actor, key, { level, reason, override: override ?? false });
  return { actionType: await getActionTypeOrThrow(db, p.actor, key), levelChange };
}
