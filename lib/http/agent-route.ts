import { authenticateAgent, type AuthenticatedAgent } from "../agents/authenticate-agent";
import { getDb, type Db } from "../db/client";
import { errorToResponse } from "./problem";

type Ctx<P> = { req: Request; agent: AuthenticatedAgent; db: Db; params: P };

/** Wraps an agent API (v1) handler: Bearer key authentication and problem+json errors. */
export function agentRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: Ctx<P>) => Promise<unknown>,
  opts: { status?: number } = {},
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = getDb();
      const agent = await authenticateAgent(db, req.headers.get("authorization"));
      const result = await handler({ req, agent, db, params: await route.params });
      if (result instanceof Response) return result;
      return Response.json(result, { status: opts.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (err) {
      return errorToResponse(err);
    }
  };
}
