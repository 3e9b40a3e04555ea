import { EventEmitter } from "node:events";
import pg from "pg";
import { openEmbedded } from "../db/adapter";
import { resolveDatabaseConfig } from "../db/config";
import type { DbTx } from "../db/client";
import { logger, metrics } from "../observability";

// Wake-ups for long-polling agents. A decision runs NOTIFY in its own transaction (delivered at
// commit); every app instance LISTENs on one connection and wakes its local waiters. Postgres is
// the only shared thing, so a decision made through any instance wakes a waiter on any other.
//
// The LISTEN connection is re-established for as long as it takes (backoff up to 5 s); while it
// is down, waiters fall back to a 2 s poll, and when it comes back every waiter re-reads its
// action, since notifications sent meanwhile were lost.

export const ACTION_CHANNEL = "warden_action_decided";

/** Queue a wake-up for an action; call with the transaction that changes it. */
export async function notifyActionChanged(tx: DbTx, actionId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_notify(${ACTION_CHANNEL}, ${actionId})::text AS sent`;
}

/** Queue wake-ups for many actions at once (a kill switch or a breaker halting their scope). */
export async function notifyActionsChanged(tx: DbTx, actionIds: readonly string[]): Promise<void> {
  if (actionIds.length === 0) return;
  await tx.$queryRaw`SELECT count(pg_notify(${ACTION_CHANNEL}, id))::int AS sent FROM unnest(${actionIds as string[]}::text[]) AS id`;
}

/** Broadcast to every waiter of this process (reconnect, shutdown). */
const ALL = "*";

export type ListenerState = { connected: boolean; since: string; lastError: string | null; reconnects: number };

type Listener = {
  emitter: EventEmitter;
  state: ListenerState;
  /** Resolves once the first connection attempt has finished, whatever its outcome. */
  firstAttempt: Promise<void>;
  stopping: boolean;
  close(): Promise<void>;
};

const g = globalThis as unknown as { __wardenListener?: Listener };

const BACKOFF_MS = { first: 100, max: 5_000 };
const PING_EVERY_MS = 30_000;

function setConnected(l: Listener, connected: boolean, error?: unknown) {
  const changed = l.state.connected !== connected;
  l.state.connected = connected;
  if (changed) l.state.since = new Date().toISOString();
  if (error) l.state.lastError = error instanceof Error ? error.message : String(error);
  metrics.listenConnected.set(connected ? 1 : 0);
}

function startPostgresListener(l: Listener, url: string): { firstAttempt: Promise<void>; close: () => Promise<void> } {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let ping: NodeJS.Timeout | null = null;
  let delay = BACKOFF_MS.first;
  let resolveFirst!: () => void;
  const firstAttempt = new Promise<void>((r) => (resolveFirst = r));

  const lost = (c: pg.Client, err: unknown) => {
    if (client !== c) return; // an old connection's late error
    client = null;
    if (ping) clearInterval(ping);
    c.end().catch(() => {});
    if (l.state.connected) logger.warn({ err: err instanceof Error ? err.message : String(err) }, "LISTEN connection lost; reconnecting");
    setConnected(l, false, err);
    schedule();
  };
  const schedule = () => {
    if (l.stopping || retry) return;
    const wait = delay * (0.5 + Math.random() / 2);
    delay = Math.min(delay * 2, BACKOFF_MS.max);
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, wait);
    retry.unref();
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = c;
    c.on("notification", (n) => n.payload && l.emitter.emit(n.payload));
    c.on("error", (err) => lost(c, err));
    c.on("end", () => lost(c, new Error("connection ended")));
    try {
      await c.connect();
      await c.query(`LISTEN ${ACTION_CHANNEL}`);
      if (client !== c) return;
      const wasDown = l.state.lastError !== null && !l.state.connected;
      setConnected(l, true);
      if (wasDown) {
        l.state.reconnects++;
        logger.info({ reconnects: l.state.reconnects }, "LISTEN connection re-established");
      }
      delay = BACKOFF_MS.first;
      // A connection that silently died (no RST) is only noticed when used.
      ping = setInterval(() => void c.query("SELECT 1").catch((err) => lost(c, err)), PING_EVERY_MS);
      ping.unref();
      // Decisions made while we were away sent notifications nobody heard: everyone re-reads.
      if (wasDown) l.emitter.emit(ALL);
    } catch (err) {
      lost(c, err);
    } finally {
      resolveFirst();
    }
  };
  void connect();
  return {
    firstAttempt,
    async close() {
      if (retry) clearTimeout(retry);
      if (ping) clearInterval(ping);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

function listener(): Listener {
  if (g.__wardenListener) return g.__wardenListener;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const l: Listener = {
    emitter,
    state: { connected: false, since: new Date().toISOString(), lastError: null, reconnects: 0 },
    firstAttempt: Promise.resolve(),
    stopping: false,
    close: async () => {},
  };
  g.__wardenListener = l;
  const config = resolveDatabaseConfig();
  if (config.kind === "embedded") {
    // In-process PGlite: no connection to lose.
    l.firstAttempt = openEmbedded(config.dataDir)
      .listen(ACTION_CHANNEL, (id) => emitter.emit(id))
      .then(() => setConnected(l, true), (err) => setConnected(l, false, err));
  } else {
    const pgListener = startPostgresListener(l, config.url);
    l.firstAttempt = pgListener.firstAttempt;
    l.close = pgListener.close;
  }
  return l;
}

/** Opens the LISTEN connection now (the server does at start) instead of on the first wait. */
export function startListening(): void {
  listener();
}

/** The LISTEN connection's state, for /api/ready and the metrics; null before it was started. */
export function listenerState(): ListenerState | null {
  return g.__wardenListener ? { ...g.__wardenListener.state } : null;
}

/**
 * Stops waiting everywhere in this process (graceful shutdown): every long-poll returns the
 * action as it is now, and the LISTEN connection is closed.
 */
export async function stopWatching(): Promise<void> {
  const l = g.__wardenListener;
  if (!l) return;
  l.stopping = true;
  l.emitter.emit(ALL);
  await l.close();
}

export type ActionWatch = {
  /** Resolves on a change notification, or after `ms` as a safety net. */
  next(ms: number): Promise<void>;
  /** True once this process is shutting down: stop waiting and answer. */
  readonly stopped: boolean;
  close(): void;
};

/**
 * Watch an action for changes. Subscribe before reading the action, so a decision made
 * between the read and the wait is not missed.
 */
export async function watchAction(actionId: string): Promise<ActionWatch> {
  const l = listener();
  await l.firstAttempt;
  let changed = false;
  let wake: (() => void) | null = null;
  const onChange = () => {
    changed = true;
    wake?.();
  };
  l.emitter.on(actionId, onChange);
  l.emitter.on(ALL, onChange);
  metrics.longPollWaiters.inc();
  let closed = false;
  return {
    get stopped() {
      return l.stopping;
    },
    async next(ms) {
      if (!changed && !l.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, ms));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      wake = null;
      changed = false;
    },
    close() {
      if (closed) return;
      closed = true;
      l.emitter.off(actionId, onChange);
      l.emitter.off(ALL, onChange);
      metrics.longPollWaiters.dec();
    },
  };
}
