import { timingSafeEqual } from "node:crypto";
import { getDb, poolOf } from "../db/client";
import { metrics } from "../observability";
import { queueDepthByType } from "../review";
import { problemResponse } from "./problem";

/**
 * GET /metrics in Prometheus text format, only when WARDEN_METRICS_TOKEN is set and the request
 * bears it (`Authorization: Bearer <token>`); otherwise 404, as if there were no such page.
 * Gauges that need the database are read now, at scrape time.
 */
export async function metricsResponse(req: Request): Promise<Response> {
  const token = process.env.WARDEN_METRICS_TOKEN;
  const given = /^Bearer (\S+)$/i.exec(req.headers.get("authorization")?.trim() ?? "")?.[1];
  if (!token || !given || !sameSecret(given, token)) return problemResponse("not_found", "Not found.");
  const db = getDb();
  metrics.queueDepth.reset();
  for (const q of await queueDepthByType(db)) metrics.queueDepth.set({ type: q.type, kind: q.kind }, q.count);
  const pool = poolOf(db);
  if (pool) {
    metrics.dbPool.set({ state: "total" }, pool.totalCount);
    metrics.dbPool.set({ state: "idle" }, pool.idleCount);
    metrics.dbPool.set({ state: "waiting" }, pool.waitingCount);
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
