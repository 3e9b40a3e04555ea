import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import { ForbiddenError } from "../errors";
import type { Actor } from "./roles";

/** Who calls an endpoint open to agents and people alike: an agent key or a person's personal token. */
export type Principal = { kind: "agent"; agent: AuthenticatedAgent } | { kind: "user"; actor: Actor; tokenPrefix: string };

/**
 * The person behind an operator endpoint (kill switches, budgets, incidents): agent keys are
 * refused with 403 whatever they ask, and the domain function checks the person's role.
 */
export function operatorActor(p: Principal): Actor {
  if (p.kind === "agent") throw new ForbiddenError("Agent keys cannot use the operator API; use a personal token (wdp_…) of a manager or admin.");
  return p.actor;
}
