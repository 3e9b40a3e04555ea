import { ForbiddenError } from "../errors";

export const ROLES = ["viewer", "reviewer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, manager: 2, admin: 3 };

/** Roles are ordered: viewer < reviewer < manager < admin; a role includes the ones below it. */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export type Actor = { id: string; email: string; name: string | null; role: Role };

export function assertRole(actor: Actor, required: Role, what = "do this"): void {
  if (!hasRole(actor.role, required)) {
    throw new ForbiddenError(`Only a ${required} or above can ${what}; you are a ${actor.role}.`);
  }
}
