import { authenticateAgent } from "../agents/authenticate-agent";
import { annotateRequest } from "../observability";
import { LIMITS } from "../api/limits";
import { consumeRateLimit } from "../api/rate-limit";
import type { Principal } from "../auth/principal";
import { getDb, type Db } from "../db/client";
import { authenticatePersonalToken, PERSONAL_TOKEN_PREFIX } from "../tokens";
import { limitingFailures } from "./authenticate-caller";
import { errorToResponse } from "./problem";
import { parseJsonBody, readBodyText } from "./read-json";

export type { Principal };

/**
 * v1 endpoints that people may call too (policy as code): a Bearer agent key or a personal
 * token (wdp_…). The handler decides what each kind may do; limits and errors as agentRoute.
 */
export function principalRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: { req: Request; principal: Principal; db: Db; params: P; body: unknown }) => Promise<unknown>,
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = getDb();
      const header = req.headers.get("authorization") ?? "";
      const token = /^Bearer (\S+)$/i.exec(header.trim())?.[1] ?? "";
      const principal: Principal = await limitingFailures(db, req, async () =>
        token.startsWith(PERSONAL_TOKEN_PREFIX)
          ? { kind: "user", actor: await authenticatePersonalToken(db, token), tokenPrefix: token.slice(0, 12) }
          : { kind: "agent", agent: await authenticateAgent(db, header) },
      );
      annotateRequest(principal.kind === "agent" ? { agentId: principal.agent.agentId } : { userId: principal.actor.id });
      await consumeRateLimit(db, principal.kind === "agent" ? principal.agent.keyId : principal.tokenPrefix, LIMITS.requestsPerMinute);
      const hasBody = req.method === "POST" || req.method === "PATCH" || req.method === "PUT";
      const body = hasBody ? parseJsonBody(req, await readBodyText(req, LIMITS.maxBodyBytes), { allowEmpty: true }) : undefined;
      const result = await handler({ req, principal, db, params: await route.params, body });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      return errorToResponse(err);
    }
  };
}
