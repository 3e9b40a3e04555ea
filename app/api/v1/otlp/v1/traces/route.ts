import { LIMITS } from "@/lib/api/limits";
import { consumeRateLimit } from "@/lib/api/rate-limit";
import { getDb } from "@/lib/db/client";
import { authenticateCaller } from "@/lib/http/authenticate-caller";
import { errorToResponse } from "@/lib/http/problem";
import { ingestTraces, otlpResponse, readOtlpBody, toOtlpError } from "@/lib/otlp";

// OTLP/HTTP trace export (OTLP/JSON or protobuf, optionally gzip). Not agentRoute: the body is not
// always JSON, the response is OTLP's own shape, and OTLP's retry rules decide the error statuses.
// Same key auth and rate limit as every agent endpoint; no Idempotency-Key (span ids dedupe).
export async function POST(req: Request): Promise<Response> {
  const db = getDb();
  try {
    const agent = await authenticateCaller(db, req);
    await consumeRateLimit(db, agent.keyId, LIMITS.requestsPerMinute);
    const body = await readOtlpBody(req);
    const result = await ingestTraces(db, agent, body.payload);
    return otlpResponse(body.format, result);
  } catch (err) {
    return errorToResponse(toOtlpError(err));
  }
}
