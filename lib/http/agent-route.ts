import { authenticateAgent, type AuthenticatedAgent } from "../agents/authenticate-agent";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  purgeExpiredIdempotencyKeys,
  releaseIdempotencyKey,
  requestFingerprint,
  validateIdempotencyKey,
} from "../api/idempotency";
import { LIMITS } from "../api/limits";
import { consumeRateLimit } from "../api/rate-limit";
import { getDb, type Db } from "../db/client";
import { errorToResponse } from "./problem";
import { parseJsonBody, readBodyText } from "./read-json";

type Ctx<P> = { req: Request; url: URL; agent: AuthenticatedAgent; db: Db; params: P; body: unknown };

const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store" };

/**
 * Wraps an agent API (v1) handler: Bearer key, rate limit per key, body size and JSON parsing,
 * Idempotency-Key on POST, and errors as problem+json — the same for every endpoint.
 */
export function agentRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: Ctx<P>) => Promise<unknown>,
  opts: { status?: number } = {},
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    const db = getDb();
    let idem: { agentId: string; key: string } | null = null;
    try {
      const agent = await authenticateAgent(db, req.headers.get("authorization"));
      await consumeRateLimit(db, agent.keyId, LIMITS.requestsPerMinute);
      const url = new URL(req.url);
      const hasBody = req.method === "POST" || req.method === "PATCH" || req.method === "PUT";
      const text = hasBody ? await readBodyText(req, LIMITS.maxBodyBytes) : "";
      const body = hasBody ? parseJsonBody(req, text, { allowEmpty: true }) : undefined;

      const key = req.headers.get("idempotency-key");
      if (req.method === "POST" && key !== null) {
        validateIdempotencyKey(key);
        const claim = await claimIdempotencyKey(db, agent.agentId, key, requestFingerprint(req.method, url.pathname, text));
        if (claim.kind === "replay") return replay(claim.response.status, claim.response.body);
        idem = { agentId: agent.agentId, key };
        if (Math.random() < 0.005) void purgeExpiredIdempotencyKeys(db).catch(() => {});
      }

      const result = await handler({ req, url, agent, db, params: await route.params, body });
      if (result instanceof Response) return result;
      const status = opts.status ?? 200;
      if (idem) await completeIdempotencyKey(db, idem.agentId, idem.key, { status, body: result });
      return new Response(JSON.stringify(result), { status, headers: JSON_HEADERS });
    } catch (err) {
      const res = errorToResponse(err);
      if (idem) {
        // A client error is the answer to this request and is replayed; a server error is not.
        if (res.status < 500) await completeIdempotencyKey(db, idem.agentId, idem.key, { status: res.status, body: await res.clone().json() }).catch(() => {});
        else await releaseIdempotencyKey(db, idem.agentId, idem.key).catch(() => {});
      }
      return res;
    }
  };
}

function replay(status: number, body: unknown): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": type, "cache-control": "no-store", "idempotent-replayed": "true" },
  });
}
