import { WardenAbortedError, WardenApiError, WardenUnavailableError } from "./errors";
import type { Problem } from "./types";

export type RetryOptions = {
  /** Attempts per logical call, the first included. */
  maxAttempts: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs·2^(n-1))]. */
  baseDelayMs: number;
  /** Longest wait between attempts; a Retry-After beyond it ends the retries at once. */
  maxDelayMs: number;
};

export type TransportOptions = {
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  retry: RetryOptions;
  /** Per attempt, on top of any long-poll wait. */
  timeoutMs: number;
};

export type Request = {
  method: "GET" | "POST" | "PATCH";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** POSTs get one key per logical call, generated here when not given, reused on every retry. */
  idempotencyKey?: string;
  timeoutMs?: number;
  /** The caller gives up: the attempt in flight is aborted and no retry follows (WardenAbortedError). */
  signal?: AbortSignal;
};

type Retryable = { error?: unknown; status?: number; problem?: Problem; retryAfterMs?: number; reason: string };

const SDK_VERSION = "0.1.0";

/** The API root: `https://warden.example.com` and `https://warden.example.com/api/v1` both work. */
export function apiRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, "");
  return trimmed.endsWith("/api/v1") ? trimmed : `${trimmed}/api/v1`;
}

export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Milliseconds from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Full-jitter exponential backoff, at least Retry-After; null when that is longer than we may wait. */
export function backoffDelay(attempt: number, retry: RetryOptions, retryAfterMs?: number, random = Math.random): number | null {
  const jitter = random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  if (retryAfterMs === undefined) return jitter;
  if (retryAfterMs > retry.maxDelayMs) return null;
  return Math.max(retryAfterMs, jitter);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * HTTP to the agent API: bearer key, JSON, timeouts, retries with backoff on network errors,
 * 429, 5xx and in-flight idempotency conflicts — never on other 4xx.
 */
export class Transport {
  private readonly root: string;

  constructor(private readonly opts: TransportOptions) {
    this.root = apiRoot(opts.baseUrl);
  }

  async request<T>(req: Request): Promise<T> {
    const key = req.method === "POST" ? (req.idempotencyKey ?? newIdempotencyKey()) : undefined;
    const { maxAttempts } = this.opts.retry;
    let last: Retryable = { reason: "no attempt made" };
    let attempt = 0;
    while (attempt < Math.max(1, maxAttempts)) {
      if (req.signal?.aborted) throw new WardenAbortedError(`${req.method} ${req.path} aborted by the caller`);
      attempt++;
      const outcome = await this.attempt<T>(req, key);
      if ("value" in outcome) return outcome.value;
      last = outcome.retry;
      if (attempt >= maxAttempts) break;
      const delay = backoffDelay(attempt, this.opts.retry, last.retryAfterMs);
      if (delay === null) break;
      await sleep(delay);
    }
    throw new WardenUnavailableError(`Warden is unavailable (${req.method} ${req.path}): ${last.reason} after ${attempt} attempt(s)`, {
      attempts: attempt,
      status: last.status,
      problem: last.problem,
      retryAfterMs: last.retryAfterMs,
      cause: last.error,
    });
  }

  private async attempt<T>(req: Request, key: string | undefined): Promise<{ value: T } | { retry: Retryable }> {
    const url = new URL(this.root + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.opts.apiKey}`,
      accept: "application/json, application/problem+json",
      "user-agent": `warden-sdk-js/${SDK_VERSION}`,
    };
    if (key) headers["idempotency-key"] = key;
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers["content-type"] = "application/json";
    }
    const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs;

    let res: Response;
    let text: string;
    try {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      res = await this.opts.fetch(url, { method: req.method, headers, body, signal });
      text = await res.text();
    } catch (error) {
      if (req.signal?.aborted) throw new WardenAbortedError(`${req.method} ${req.path} aborted by the caller`, { cause: error });
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const reason = timedOut ? `no answer within ${timeoutMs} ms` : `network error (${describe(error)})`;
      return { retry: { error, reason } };
    }

    if (res.ok) {
      try {
        return { value: (text ? JSON.parse(text) : undefined) as T };
      } catch (error) {
        return { retry: { error, status: res.status, reason: `HTTP ${res.status} with a body that is not JSON` } };
      }
    }
    const problem = toProblem(res.status, text);
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
    const inFlight = res.status === 409 && key !== undefined && (retryAfterMs !== undefined || /idempotency-key/i.test(problem.detail));
    if (res.status === 429 || res.status >= 500 || inFlight) {
      return { retry: { status: res.status, problem, retryAfterMs, reason: `HTTP ${res.status} ${problem.detail}` } };
    }
    throw new WardenApiError(problem);
  }
}

function toProblem(status: number, text: string): Problem {
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (body && typeof body === "object" && typeof body.detail === "string") {
      return { type: "about:blank", title: "", code: "unknown", ...body, status } as Problem;
    }
  } catch {
    // not problem+json (a proxy's error page, say): described below
  }
  return { type: "about:blank", title: `HTTP ${status}`, status, code: "unknown", detail: text.slice(0, 200) || `HTTP ${status}` };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
