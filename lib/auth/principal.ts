import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import type { Actor } from "./roles";

/** Who calls an endpoint open to agents and people alike: an agent key or a person's personal token. */
export type Principal = { kind: "agent"; agent: AuthenticatedAgent } | { kind: "user"; actor: Actor; tokenPrefix: string };
