import { authenticateAgent, type AuthenticatedAgent } from "../agents/authenticate-agent";
import { LIMITS } from "../api/limits";
import { consumeRateLimit } from "../api/rate-limit";
import type { DbTx } from "../db/client";
import { UnauthenticatedError } from "../errors";
import { clientAddressFrom } from "../net/client-address";

/**
 * A request's credentials checked, with failures counted per client address: a client that
 * keeps sending missing or wrong keys gets 429 with Retry-After instead of another 401, so
 * guessing keys (or hammering the lookup) is bounded. Valid keys are never slowed by it.
 */
export async function limitingFailures<T>(db: DbTx, req: Request, authenticate: () => Promise<T>): Promise<T> {
  try {
    return await authenticate();
  } catch (err) {
    if (err instanceof UnauthenticatedError) {
      const client = clientAddressFrom(req.headers) ?? "unknown";
      await consumeRateLimit(db, `unauthenticated:${client}`, LIMITS.unauthenticatedPerMinute, new Date(), "with a missing or wrong key from this address");
    }
    throw err;
  }
}

/** The agent behind `Authorization: Bearer <key>`, with failed attempts limited per client. */
export function authenticateCaller(db: DbTx, req: Request): Promise<AuthenticatedAgent> {
  return limitingFailures(db, req, () => authenticateAgent(db, req.headers.get("authorization")));
}
