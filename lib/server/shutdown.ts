import type { Server } from "node:http";
import { closeDb } from "../db/client";
import { markDraining } from "../health/draining";
import { stopJobs } from "../jobs/start-jobs";
import { stopWatching } from "../notify";
import { logger } from "../observability";

/**
 * SIGTERM: stop accepting connections and report not-ready, answer waiting long-polls at once
 * (the agent sees `wait` and polls again, reaching another instance), let in-flight requests
 * finish (up to `timeoutMs`, then cut them), stop the jobs, close the database pools.
 */
export async function gracefulShutdown(s: { server: Server; inFlight: () => number; timeoutMs: number }): Promise<void> {
  const t0 = Date.now();
  markDraining();
  logger.info({ inFlight: s.inFlight() }, "shutting down: no new connections, finishing requests");
  s.server.close();
  s.server.closeIdleConnections();
  await stopWatching();
  while (s.inFlight() > 0 && Date.now() - t0 < s.timeoutMs) await new Promise((r) => setTimeout(r, 25));
  const cut = s.inFlight();
  s.server.closeAllConnections();
  await stopJobs();
  await closeDb();
  logger.info({ ms: Date.now() - t0, cut }, cut ? "shut down; requests still running were cut" : "shut down cleanly");
}
