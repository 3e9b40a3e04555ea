import { resolveAgentKey, type AuthenticatedAgent, type CachedAgent } from "../agents/authenticate-agent";
import {
  KeyInProgressError,
  rememberRefusal,
  requestFingerprint,
  storedAnswer,
  runOnce,
  validateIdempotencyKey,
  type Answer,
  type IdempotencyKey,
  type StoredResponse,
} from "../api/idempotency";
import { LIMITS } from "../api/limits";
import { consumeRateLimit } from "../api/rate-limit";
import { getDb, type DbTx } from "../db/client";
import { annotateRequest } from "../observability";
import { authenticateCaller, limitingFailures } from "./authenticate-caller";
import { errorToResponse } from "./problem";
import { parseJsonBody, readBodyText } from "./read-json";

type Ctx<P> = { req: Request; url: URL; agent: AuthenticatedAgent; db: DbTx; params: P; body: unknown };

const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store" };

/**
 * Wraps an agent API (v1) handler: Bearer key, rate limit per key, body size and JSON parsing,
 * Idempotency-Key on POST, and errors as problem+json — the same for every endpoint. With an
 * Idempotency-Key the handler runs inside the key's transaction (lib/api/idempotency.ts) and
 * must write only through `db`.
 */
export function agentRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: Ctx<P>) => Promise<unknown>,
  opts: { status?: number } = {},
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    const db = getDb();
    let idem: IdempotencyKey | null = null;
    try {
      const agent = await authenticateCaller(db, req);
      annotateRequest({ agentId: agent.agentId });
      await consumeRateLimit(db, agent.keyId, LIMITS.requestsPerMinute);
      const url = new URL(req.url);
      const hasBody = req.method === "POST" || req.method === "PATCH" || req.method === "PUT";
      const text = hasBody ? await readBodyText(req, LIMITS.maxBodyBytes) : "";
      const body = hasBody ? parseJsonBody(req, text, { allowEmpty: true }) : undefined;
      const params = await route.params;
      const status = opts.status ?? 200;

      const key = req.headers.get("idempotency-key");
      if (req.method === "POST" && key !== null) {
        validateIdempotencyKey(key);
        idem = { agentId: agent.agentId, key, fingerprint: requestFingerprint(req.method, url.pathname, text) };
        const answer = await runOnce(db, idem, async (tx) => toStored(await handler({ req, url, agent, db: tx, params, body }), status));
        return respond(answer, answer.replayed);
      }
      const result = await handler({ req, url, agent, db, params, body });
      if (result instanceof Response) return result;
      return new Response(JSON.stringify(result), { status, headers: JSON_HEADERS });
    } catch (err) {
      const res = errorToResponse(err);
      // A refusal is this key's answer and is replayed; a server error or a key still in progress is not.
      if (idem && res.status < 500 && !(err instanceof KeyInProgressError)) {
        await rememberRefusal(db, idem, { status: res.status, body: await res.clone().json() }).catch(() => {});
      }
      return res;
    }
  };
}

async function toStored(result: unknown, status: number): Promise<StoredResponse> {
  if (!(result instanceof Response)) return { status, body: result };
  const text = await result.text();
  try {
    return { status: result.status, body: text ? JSON.parse(text) : null };
  } catch {
    return { status: result.status, body: text };
  }
}

function respond(r: StoredResponse, replayed: boolean): Response {
  const type = r.status >= 400 ? "application/problem+json" : "application/json";
  const headers: Record<string, string> = { "content-type": type, "cache-control": "no-store" };
  if (replayed) headers["idempotent-replayed"] = "true";
  return new Response(JSON.stringify(r.body), { status: r.status, headers });
}

/** What a folding endpoint gets beside the body: who is asking, and the bookkeeping to fold in. */
export type Folded = {
  /** The caller as this instance's key cache knows it (proven current by the endpoint's statement). */
  caller: { authorization: string | null; agent: CachedAgent };
  rateLimit: { perMinute: number };
  idempotency: IdempotencyKey | null;
};

/**
 * Like agentRoute, for the one endpoint that folds the key check, the rate limit and the
 * Idempotency-Key into its own single statement (POST /api/v1/actions, the agents' hot path —
 * lib/actions/commit-action-request.ts). Limits, parsing, refusals and errors stay the same.
 */
export function foldedAgentRoute(handler: (ctx: { req: Request; db: DbTx; body: unknown; fold: Folded }) => Promise<Answer>) {
  return async (req: Request): Promise<Response> => {
    const db = getDb();
    let idem: IdempotencyKey | null = null;
    try {
      const authorization = req.headers.get("authorization");
      const agent = await limitingFailures(db, req, () => resolveAgentKey(db, authorization));
      annotateRequest({ agentId: agent.agentId });
      const url = new URL(req.url);
      const text = await readBodyText(req, LIMITS.maxBodyBytes);
      const body = parseJsonBody(req, text, { allowEmpty: true });
      const key = req.headers.get("idempotency-key");
      if (key !== null) {
        validateIdempotencyKey(key);
        idem = { agentId: agent.agentId, key, fingerprint: requestFingerprint(req.method, url.pathname, text) };
      }
      const answer = await handler({ req, db, body, fold: { caller: { authorization, agent }, rateLimit: { perMinute: LIMITS.requestsPerMinute }, idempotency: idem } });
      return respond(answer, answer.replayed);
    } catch (err) {
      const res = errorToResponse(err);
      if (idem && res.status < 500 && !(err instanceof KeyInProgressError)) {
        // A refusal is the key's answer: a retry is told what the first request was told.
        try {
          const prior = await storedAnswer(db, idem);
          if (prior) return respond(prior, true);
        } catch (mismatch) {
          return errorToResponse(mismatch);
        }
        await rememberRefusal(db, idem, { status: res.status, body: await res.clone().json() }).catch(() => {});
      }
      return res;
    }
  };
}
