import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "../db/client";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import { authOptions } from "./options";
import { passwordStamp } from "./password";
import { hasRole, type Actor, type Role } from "./roles";

/**
 * The signed-in, enabled user, re-read from the database; null when signed out. A session
 * signed in before the user's password was last reset or changed counts as signed out.
 */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({ where: { id } });
  if (!user || user.disabledAt) return null;
  // Sessions from before stamps existed carry none: they match only a never-changed password.
  const signedInWith = (session as { passwordStamp?: number }).passwordStamp ?? 0;
  if (signedInWith !== passwordStamp(user)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For pages: signed-out users go to sign-in; a role below `role` gets the 403 page. */
export async function requirePageActor(role: Role = "viewer"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (!hasRole(actor.role, role)) forbidden();
  return actor;
}

/** For console route handlers: throws 401/403 domain errors (mapped to problem+json). */
export async function requireApiActor(role: Role = "viewer"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError("Sign in first.");
  if (!hasRole(actor.role, role)) throw new ForbiddenError(`Only a ${role} or above can do this; you are a ${actor.role}.`);
  return actor;
}
