import { processOverdueActions } from "../actions/process-overdue-actions";
import { evaluateAutoDemotions } from "../autonomy/change-level";
import { getDb } from "../db/client";
import { purgeBookkeeping } from "./purge-bookkeeping";

// Background work every app instance runs. Each job is safe to run on many instances at once
// (row locks / idempotent deletes), so there is no leader to elect.
const JOBS: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
  { name: "overdue-approvals", everyMs: 10_000, run: () => processOverdueActions(getDb()) },
  { name: "auto-demotion", everyMs: Number(process.env.WARDEN_AUTO_DEMOTION_INTERVAL_MS) || 60_000, run: () => evaluateAutoDemotions(getDb()) },
  // Sign-in attempts, rate-limit windows and idempotency records, in small batches.
  { name: "bookkeeping-purge", everyMs: 5 * 60_000, run: () => purgeBookkeeping(getDb()) },
];

const g = globalThis as unknown as { __wardenJobs?: NodeJS.Timeout[] };

export function startJobs(): void {
  if (g.__wardenJobs || process.env.WARDEN_DISABLE_JOBS === "1") return;
  g.__wardenJobs = JOBS.map((job) => {
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await job.run();
      } catch (err) {
        console.error(`job ${job.name} failed`, err);
      } finally {
        running = false;
      }
    }, job.everyMs);
    timer.unref();
    return timer;
  });
}
