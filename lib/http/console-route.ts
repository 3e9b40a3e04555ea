import "server-only";
import { requireApiActor } from "../auth/session";
import type { Actor, Role } from "../auth/roles";
import { getDb, type Db } from "../db/client";
import { errorToResponse } from "./problem";
import { readJsonBody } from "./read-json";
import { assertSameOrigin } from "./same-origin";

type Ctx<P> = { req: Request; actor: Actor; db: Db; params: P; body: unknown };

/**
 * Wraps a console route handler (session-authenticated): role check on the server, CSRF check
 * and JSON parsing for mutations, and errors mapped to problem+json in one place.
 */
export function consoleRoute<P extends Record<string, string> = Record<string, never>>(
  role: Role,
  handler: (ctx: Ctx<P>) => Promise<unknown>,
  opts: { status?: number } = {},
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const mutating = req.method !== "GET" && req.method !== "HEAD";
      if (mutating) assertSameOrigin(req);
      const actor = await requireApiActor(role);
      const body = mutating ? await readJsonBody(req, { allowEmpty: true }) : undefined;
      const result = await handler({ req, actor, db: getDb(), params: await route.params, body });
      if (result instanceof Response) return result;
      return Response.json(result, { status: opts.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (err) {
      return errorToResponse(err);
    }
  };
}
