import { WardenAbortedError, WardenApiError, WardenError } from "./errors";
import { SpanBuffer, type FlushOptions, type FlushResult, type RunSignal } from "./span-buffer";
import { Transport, type RetryOptions } from "./transport";
import type {
  Action,
  ActionType,
  CancelActionInput,
  DeclareActionTypeInput,
  ActionDecision,
  ActionResultInput,
  AgentIdentity,
  FieldError,
  FinishRunInput,
  JsonValue,
  RequestActionInput,
  Run,
  Score,
  ScoreInput,
  SpanInput,
  SpansResult,
  StartRunInput,
} from "./types";

export type ClientOptions = {
  /** Where Warden runs, e.g. `https://warden.example.com` (a trailing `/api/v1` is fine too). */
  baseUrl: string;
  /** The agent's API key. */
  apiKey: string;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof fetch;
  retry?: Partial<RetryOptions>;
  /** Per attempt, in ms (long-polls add their wait on top). Default 30 s. */
  timeoutMs?: number;
  flush?: Partial<FlushOptions>;
  /** Errors of background span flushes. Default: console.warn. */
  onError?: (error: WardenError) => void;
};

export type WaitOptions = {
  /** How long to wait for a reviewer when the decision is `wait`, in ms. Default 0: do not wait. */
  waitMs?: number;
  /**
   * Stop waiting when it aborts: the still-pending action is withdrawn (status `cancelled`), so no
   * reviewer approves what will never run. The answer is then not executable; nothing throws.
   * A string `signal.reason` becomes the withdrawal's reason, shown to reviewers.
   */
  signal?: AbortSignal;
  /** Called while the action waits: once when it starts waiting, then after every long-poll that ends undecided (about every `pollMs`), e.g. to report progress. */
  onWaiting?: (info: { id: string; waitedMs: number }) => void;
  /** Longest single long-poll, in ms; at most (and by default) 60 s. */
  pollMs?: number;
};

export type AuthorizeOptions = WaitOptions & {
  /** Your own key for this request (e.g. derived from a task id) so that even a restarted agent never asks twice. */
  idempotencyKey?: string;
};

/** `unavailable`: Warden gave no answer (unreachable, 5xx, timeout), so the agent must not act. */
export type AuthorizationDecision = ActionDecision | "unavailable";

export type Authorization = {
  /** The action's id, once Warden has stored it. */
  id: string | null;
  decision: AuthorizationDecision;
  /** True only for `execute`: then act, with `payload` (a reviewer's edit replaces the proposal). */
  executable: boolean;
  payload: JsonValue | null;
  status: Action["status"] | null;
  /** Why: the reviewer's reason once a person decided, else the policy's. */
  reason: string;
  level: number | null;
  /** The full action as Warden returned it, when it did. */
  action?: Action;
  /** Why no decision could be had, for `unavailable` and for requests Warden refused. */
  error?: WardenError;
  fieldErrors?: FieldError[];
};

export type PostOptions = { idempotencyKey?: string };

const DEFAULT_RETRY: RetryOptions = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 60_000 };
const DEFAULT_FLUSH: FlushOptions = { maxBatch: 100, intervalMs: 1_000, maxBuffered: 10_000 };
const MAX_BATCH = 1_000;
const MAX_WAIT_SECONDS = 60;

export type WardenClient = ReturnType<typeof createClient>;

export function createClient(options: ClientOptions) {
  if (!options.baseUrl) throw new WardenError("createClient: baseUrl is required");
  if (!options.apiKey) throw new WardenError("createClient: apiKey is required");
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetchImpl !== "function") throw new WardenError("createClient: no fetch available; pass options.fetch");
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  retry.maxAttempts = Math.max(1, Math.floor(retry.maxAttempts));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const flushOpts = { ...DEFAULT_FLUSH, ...options.flush };
  flushOpts.maxBatch = Math.min(MAX_BATCH, Math.max(1, Math.floor(flushOpts.maxBatch)));
  const onError = options.onError ?? ((e: WardenError) => console.warn(`[warden] ${e.message}`));

  const http = new Transport({ baseUrl: options.baseUrl, apiKey: options.apiKey, fetch: fetchImpl, retry, timeoutMs });
  const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join("/")}`;
  const spans = new SpanBuffer(
    (runId, batch, idempotencyKey) =>
      http.request<SpansResult>({ method: "POST", path: `${path("runs", runId)}/spans`, body: { spans: batch }, idempotencyKey }),
    flushOpts,
    onError,
  );
  let closed = false;

  const toAuthorization = (a: Action): Authorization => ({
    id: a.id,
    decision: a.decision,
    executable: a.decision === "execute",
    payload: a.payload,
    status: a.status,
    // A reviewer's reason (a rejection's, an approval's comment) says more than the policy's route.
    reason: a.decisionReason ?? a.reason,
    level: a.level,
    action: a,
  });

  /** Never throws: whatever went wrong, the agent gets a decision it must not act on. */
  const failClosed = (err: unknown, last: Action | null): Authorization => {
    const error = err instanceof WardenError ? err : new WardenError(`authorize failed: ${String(err)}`, { cause: err });
    const refused = error instanceof WardenApiError;
    return {
      id: last?.id ?? null,
      decision: refused ? "rejected" : "unavailable",
      executable: false,
      payload: null,
      status: last?.status ?? null,
      reason: refused ? error.problem.detail : error.message,
      level: last?.level ?? null,
      action: last ?? undefined,
      error,
      ...(refused && error.fieldErrors.length ? { fieldErrors: error.fieldErrors } : {}),
    };
  };

  const withdrawReason = (signal: AbortSignal) =>
    typeof signal.reason === "string" && signal.reason.trim() ? signal.reason.trim().slice(0, 2000) : "The agent stopped waiting for a decision.";

  /** The caller gave up on a pending action: withdraw it, so nobody decides it in vain. */
  const withdraw = async (current: Action, signal: AbortSignal): Promise<Authorization> => {
    try {
      const cancelled = await http.request<Action>({ method: "POST", path: `${path("actions", current.id)}/cancel`, body: { reason: withdrawReason(signal) } });
      return { ...toAuthorization(cancelled), executable: false };
    } catch (err) {
      // Decided meanwhile (409 naming the status) or Warden unreachable: either way, do not act.
      return failClosed(err, current);
    }
  };

  /** Long-polls in slices of at most 60 s until the action leaves `wait`, the deadline passes or the signal aborts. */
  const awaitDecision = async (action: Action, deadline: number, opts: WaitOptions): Promise<Authorization> => {
    const started = Date.now();
    const sliceMs = Math.min(MAX_WAIT_SECONDS * 1000, Math.max(1000, opts.pollMs ?? MAX_WAIT_SECONDS * 1000));
    let current = action;
    if (current.decision === "wait" && deadline > started) opts.onWaiting?.({ id: current.id, waitedMs: 0 });
    while (current.decision === "wait") {
      if (opts.signal?.aborted) return withdraw(current, opts.signal);
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const wait = Math.ceil(Math.min(sliceMs, remaining) / 1000);
      try {
        current = await http.request<Action>({
          method: "GET",
          path: path("actions", current.id),
          query: { wait: String(wait) },
          timeoutMs: timeoutMs + wait * 1000,
          signal: opts.signal,
        });
      } catch (err) {
        if (err instanceof WardenAbortedError && opts.signal) return withdraw(current, opts.signal);
        return failClosed(err, current);
      }
      if (current.decision === "wait") opts.onWaiting?.({ id: current.id, waitedMs: Date.now() - started });
    }
    return toAuthorization(current);
  };

  return {
    /** The agent and key behind the API key; a cheap way to check the key at start-up. */
    whoami: () => http.request<AgentIdentity>({ method: "GET", path: "/agent" }),

    startRun: (input: StartRunInput = {}, opts: PostOptions = {}) =>
      http.request<Run>({ method: "POST", path: "/runs", body: input, idempotencyKey: opts.idempotencyKey }),

    getRun: (runId: string) => http.request<Run>({ method: "GET", path: path("runs", runId) }),

    /** Sends the run's buffered spans first, then finishes it. */
    async finishRun(runId: string, input: FinishRunInput): Promise<Run> {
      await spans.flush();
      return http.request<Run>({ method: "PATCH", path: path("runs", runId), body: input });
    },

    /**
     * Buffers spans; they are sent in batches of `flush.maxBatch`, at least every `flush.intervalMs`.
     * Returns the run's latest signal: stop the run when `continue` is false.
     */
    recordSpans(runId: string, batch: SpanInput | readonly SpanInput[]): RunSignal {
      if (closed) throw new WardenError("recordSpans after shutdown()");
      return spans.add(runId, Array.isArray(batch) ? batch : [batch as SpanInput]);
    },

    /** The latest `{continue, reason}` Warden gave for a run's spans. */
    runSignal: (runId: string): RunSignal => spans.signal(runId),

    /** Sends every buffered span now. Never throws; failures go to onError. */
    flush: (): Promise<FlushResult> => spans.flush(),

    /**
     * Asks before acting. Waits up to `waitMs` for a reviewer when told to `wait`. Fails closed:
     * never throws, and only `executable: true` (decision `execute`) allows acting.
     */
    async authorize(action: RequestActionInput, opts: AuthorizeOptions = {}): Promise<Authorization> {
      const deadline = Date.now() + (opts.waitMs ?? 0);
      let requested: Action;
      try {
        // Not aborted midway: the action might be stored without us learning its id, and then
        // nobody could withdraw it. An abort is honoured right after, by withdrawing it.
        requested = await http.request<Action>({ method: "POST", path: "/actions", body: action, idempotencyKey: opts.idempotencyKey });
      } catch (err) {
        return failClosed(err, null);
      }
      return awaitDecision(requested, deadline, opts);
    },

    /** Resumes waiting for an action that was still `wait` (or reads its decision now, with waitMs 0). */
    async waitForDecision(actionId: string, opts: WaitOptions = {}): Promise<Authorization> {
      const deadline = Date.now() + (opts.waitMs ?? 0);
      let current: Action;
      try {
        current = await http.request<Action>({ method: "GET", path: path("actions", actionId) });
      } catch (err) {
        return failClosed(err, null);
      }
      return awaitDecision(current, deadline, opts);
    },

    /**
     * Withdraws the agent's own pending action (status `cancelled`): it leaves the review queues
     * and can no longer be approved. Again is a no-op; a decided action is a WardenApiError (409).
     */
    cancel: (actionId: string, input: CancelActionInput = {}, opts: PostOptions = {}) =>
      http.request<Action>({ method: "POST", path: `${path("actions", actionId)}/cancel`, body: input, idempotencyKey: opts.idempotencyKey }),

    /** Every action type with its level, guardrails and kill switch (read-only for agents). */
    listActionTypes: () => http.request<ActionType[]>({ method: "GET", path: "/action-types" }),

    /**
     * Declares an action type before its first request, with its payload JSON Schema. Only a type
     * nobody has seen is created (at level 3); an existing one comes back unchanged.
     */
    declareActionType: (input: DeclareActionTypeInput, opts: PostOptions = {}) =>
      http.request<ActionType>({ method: "POST", path: "/action-types", body: input, idempotencyKey: opts.idempotencyKey }),

    getAction: (actionId: string) => http.request<Action>({ method: "GET", path: path("actions", actionId) }),

    reportResult: (actionId: string, result: ActionResultInput, opts: PostOptions = {}) =>
      http.request<Action>({ method: "POST", path: `${path("actions", actionId)}/result`, body: result, idempotencyKey: opts.idempotencyKey }),

    score: (input: ScoreInput, opts: PostOptions = {}) =>
      http.request<Score>({ method: "POST", path: "/scores", body: input, idempotencyKey: opts.idempotencyKey }),

    /** Stops the flush timer and sends what is buffered. Call before the process exits. */
    async shutdown(): Promise<FlushResult> {
      closed = true;
      return spans.close();
    },
  };
}
