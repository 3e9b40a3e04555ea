import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// Prometheus metrics (served at GET /metrics when WARDEN_METRICS_TOKEN is set). One registry per
// process on globalThis: the server and Next's bundle each load this module, and both must
// count into the same series. Gauges that need the database are refreshed at scrape time by the
// metrics route, so this module depends on nothing of ours.

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: "warden_http_request_duration_seconds",
      help: "HTTP requests by method, route template and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    spansIngested: new Counter({
      name: "warden_spans_ingested_total",
      help: "Spans stored (new ones; retried duplicates are not counted), by source.",
      labelNames: ["source"] as const,
      registers,
    }),
    actionRequests: new Counter({
      name: "warden_action_requests_total",
      help: "Action requests by the decision the agent got (execute, wait, draft, rejected, halted).",
      labelNames: ["decision"] as const,
      registers,
    }),
    decisionLatency: new Histogram({
      name: "warden_decision_latency_seconds",
      help: "Time from an action request to a person's decision, by queue (approval, draft).",
      labelNames: ["kind"] as const,
      buckets: [1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600],
      registers,
    }),
    queueDepth: new Gauge({
      name: "warden_queue_depth",
      help: "Pending actions by action type and queue (approval, draft), read at scrape time.",
      labelNames: ["type", "kind"] as const,
      registers,
    }),
    longPollWaiters: new Gauge({
      name: "warden_longpoll_waiters",
      help: "Agents currently long-polling for a decision on this instance.",
      registers,
    }),
    listenConnected: new Gauge({
      name: "warden_listen_connected",
      help: "1 while this instance's LISTEN connection for decision wake-ups is up, else 0.",
      registers,
    }),
    jobRuns: new Counter({
      name: "warden_job_runs_total",
      help: "Background job runs by job and result (ok, failed).",
      labelNames: ["job", "result"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "warden_job_duration_seconds",
      help: "Background job run time by job.",
      labelNames: ["job"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers,
    }),
    dbPool: new Gauge({
      name: "warden_db_pool_connections",
      help: "Database pool connections by state (total, idle, waiting clients), read at scrape time.",
      labelNames: ["state"] as const,
      registers,
    }),
    dbUnavailable: new Counter({
      name: "warden_db_unavailable_total",
      help: "Requests answered 503 because the database could not be reached.",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

const g = globalThis as unknown as { __wardenMetrics?: Metrics };

export const metrics: Metrics = (g.__wardenMetrics ??= create());
