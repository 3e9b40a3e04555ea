import { EventEmitter } from "node:events";
import pg from "pg";
import { openEmbedded } from "../db/adapter";
import { resolveDatabaseConfig } from "../db/config";
import type { DbTx } from "../db/client";

// Wake-ups for long-polling agents. A decision runs NOTIFY in its own transaction (delivered at
// commit); every app instance LISTENs on one connection and wakes its local waiters. Postgres is
// the only shared thing, so a decision made through any instance wakes a waiter on any other.

export const ACTION_CHANNEL = "warden_action_decided";

/** Queue a wake-up for an action; call with the transaction that changes it. */
export async function notifyActionChanged(tx: DbTx, actionId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_notify(${ACTION_CHANNEL}, ${actionId})::text AS sent`;
}

const g = globalThis as unknown as { __wardenActionEvents?: { emitter: EventEmitter; ready: Promise<void> } };

function listener() {
  if (g.__wardenActionEvents) return g.__wardenActionEvents;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const config = resolveDatabaseConfig();
  const ready = (async () => {
    if (config.kind === "embedded") {
      await openEmbedded(config.dataDir).listen(ACTION_CHANNEL, (id) => emitter.emit(id));
      return;
    }
    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: config.url, connectionTimeoutMillis: 5_000 });
      client.on("notification", (n) => n.payload && emitter.emit(n.payload));
      // If the connection drops, reconnect; waiters fall back to polling meanwhile.
      client.on("error", () => {
        client.end().catch(() => {});
        setTimeout(() => connect().catch(() => {}), 1_000);
      });
      await client.connect();
      await client.query(`LISTEN ${ACTION_CHANNEL}`);
    };
    await connect();
  })();
  g.__wardenActionEvents = { emitter, ready };
  ready.catch(() => {
    g.__wardenActionEvents = undefined; // try again on the next wait
  });
  return g.__wardenActionEvents;
}

export type ActionWatch = {
  /** Resolves on a change notification, or after `ms` as a safety net. */
  next(ms: number): Promise<void>;
  close(): void;
};

/**
 * Watch an action for changes. Subscribe before reading the action, so a decision made
 * between the read and the wait is not missed.
 */
export async function watchAction(actionId: string): Promise<ActionWatch> {
  const l = listener();
  await l.ready.catch(() => {});
  let changed = false;
  let wake: (() => void) | null = null;
  const onChange = () => {
    changed = true;
    wake?.();
  };
  l.emitter.on(actionId, onChange);
  return {
    async next(ms) {
      if (!changed) {
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
      l.emitter.off(actionId, onChange);
    },
  };
}
