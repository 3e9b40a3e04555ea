import { processOverdueActions } from "../actions/process-overdue-actions";
import { purgeExpiredIdempotencyKeys } from "../api/idempotency";
import { evaluateAutoDemotions } from "../autonomy/change-level";
import { getDb } from "../db/client";

// Background work every app instance runs. Each job is safe to run on many instances at once
// (row locks / idempotent deletes), so there is no leader to elect.
const JOBS: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
  { name: "overdue-approvals", everyMs: 10_000, run: () => processOverdueActions(getDb()) },
  { name: "auto-demotion", everyMs: Number(process.env.WARDEN_AUTO_DEMOTION_INTERVAL_MS) || 60_000, run: () => evaluateAutoDemotions(getDb()) },
  { name: "idempotency-purge", everyMs: 3600_000, run: () => purgeExpiredIdempotencyKeys(getDb()) },
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
