import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { openEmbedded } from "./adapter";
import { resolveDatabaseConfig, type DatabaseConfig } from "./config";

export type Db = PrismaClient;
/** A handle usable inside or outside a transaction (domain functions accept either). */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// The pg pool behind a client on a Postgres server, kept beside it for the pool gauges and for
// shutdown (PGlite has none).
const pools = new WeakMap<Db, pg.Pool>();

export function createDb(config: DatabaseConfig = resolveDatabaseConfig(), opts: { poolMax?: number } = {}): Db {
  if (config.kind === "embedded") return new PrismaClient({ adapter: new PrismaPGlite(openEmbedded(config.dataDir)) });
  const pool = new pg.Pool({ connectionString: config.url, max: opts.poolMax ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle connection that dies (Postgres restarted) emits 'error' on the pool; unhandled, that
  // would crash the process. The pool drops it and opens a new one on the next query.
  pool.on("error", () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

// Two clients per process: the Warden server's own (agent API, jobs), opened with openServerDb in
// the server's copy of this module, and one shared on globalThis by the copies Next bundles for
// pages and the console API. Separate pools keep console traffic from starving agents, and keep
// each Prisma runtime's objects (Prisma.DbNull…) with the client that understands them.
let serverDb: Db | undefined;
const g = globalThis as unknown as { __wardenDb?: Db };

/** The client for the configured database (created on first use, never at build). */
export function getDb(): Db {
  if (serverDb) return serverDb;
  g.__wardenDb ??= createDb(resolveDatabaseConfig(), {
    poolMax: Number(process.env.DATABASE_CONSOLE_POOL_MAX) || 5,
  });
  return g.__wardenDb;
}

/** The server process's own client for its copy of the modules (see above). */
export function openServerDb(): Db {
  serverDb ??= createDb(resolveDatabaseConfig(), { poolMax: Number(process.env.DATABASE_POOL_MAX) || 10 });
  return serverDb;
}

/** Closes every client of this process (graceful shutdown). */
export async function closeDb(): Promise<void> {
  const dbs = [serverDb, g.__wardenDb].filter((d): d is Db => !!d);
  serverDb = undefined;
  g.__wardenDb = undefined;
  await Promise.all(dbs.map((d) => d.$disconnect().catch(() => {})));
}

// Transaction handles opened by withTx: a call with one of these joins it instead of opening a
// nested transaction (Prisma would make a savepoint: two more round trips for nothing).
const openTransactions = new WeakSet<object>();

/**
 * Runs `fn` in a transaction: a new one on a client, or the caller's when `db` already is one
 * (so a domain function joins the request's transaction, e.g. the Idempotency-Key's).
 */
export function withTx<T>(db: DbTx, fn: (tx: DbTx) => Promise<T>, opts?: { maxWait?: number; timeout?: number }): Promise<T> {
  if (openTransactions.has(db) || !("$transaction" in db)) return fn(db);
  return (db as Db).$transaction((tx) => {
    openTransactions.add(tx);
    return fn(tx);
  }, opts);
}
