import { processOverdueActions } from "../actions/process-overdue-actions";
import { deliverDueAlerts } from "../alerts/deliver-due-alerts";
import { evaluateAutoDemotions } from "../autonomy/change-level";
import { getDb } from "../db/client";
import { logger, metrics } from "../observability";
import { maintainAuditChain, pruneAuditLog } from "./audit-chain";
import { purgeBookkeeping } from "./purge-bookkeeping";

// Background work every app instance runs. Each job is safe to run on many instances at once
// (row locks / idempotent deletes / the audit chain's advisory lock), so there is no leader to elect.
const JOBS: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
  { name: "overdue-approvals", everyMs: 10_000, run: () => processOverdueActions(getDb()) },
  { name: "auto-demotion", everyMs: Number(process.env.WARDEN_AUTO_DEMOTION_INTERVAL_MS) || 60_000, run: () => evaluateAutoDemotions(getDb()) },
  // Alert webhooks from the outbox; rows are claimed with SKIP LOCKED, so instances share the work.
  { name: "alert-delivery", everyMs: Number(process.env.WARDEN_ALERT_DELIVERY_INTERVAL_MS) || 2_000, run: () => deliverDueAlerts(getDb()) },
  // Sign-in attempts, rate-limit windows and idempotency records, in small batches.
  { name: "bookkeeping-purge", everyMs: 5 * 60_000, run: () => purgeBookkeeping(getDb()) },
  // Links new audit events into the hash chain and signs checkpoints (docs/audit-log.md).
  { name: "audit-chain", everyMs: Number(process.env.WARDEN_AUDIT_CHAIN_INTERVAL_MS) || 2_000, run: () => maintainAuditChain(getDb()) },
  { name: "audit-retention", everyMs: 10 * 60_000, run: () => pruneAuditLog(getDb()) },
];

type Running = { timers: NodeJS.Timeout[]; inFlight: Set<Promise<void>> };
const g = globalThis as unknown as { __wardenJobs?: Running };

export function startJobs(): void {
  if (g.__wardenJobs || process.env.WARDEN_DISABLE_JOBS === "1") return;
  const state: Running = { timers: [], inFlight: new Set() };
  g.__wardenJobs = state;
  state.timers = JOBS.map((job) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      const end = metrics.jobDuration.startTimer({ job: job.name });
      const p = job
        .run()
        .then(
          () => metrics.jobRuns.inc({ job: job.name, result: "ok" }),
          (err) => {
            metrics.jobRuns.inc({ job: job.name, result: "failed" });
            logger.error({ err, job: job.name }, "job failed");
          },
        )
        .finally(() => {
          end();
          running = false;
          state.inFlight.delete(p);
        });
      state.inFlight.add(p);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
}

/** Stops scheduling jobs and waits for the runs in progress to finish (graceful shutdown). */
export async function stopJobs(): Promise<void> {
  const state = g.__wardenJobs;
  if (!state) return;
  g.__wardenJobs = undefined;
  for (const t of state.timers) clearInterval(t);
  await Promise.all([...state.inFlight]);
}
