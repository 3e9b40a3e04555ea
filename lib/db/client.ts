import { PrismaClient } from "../generated/prisma/client";
import { createAdapter } from "./adapter";
import { resolveDatabaseConfig, type DatabaseConfig } from "./config";

export type Db = PrismaClient;
/** A handle usable inside or outside a transaction (domain functions accept either). */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(config: DatabaseConfig = resolveDatabaseConfig(), opts: { poolMax?: number } = {}): Db {
  return new PrismaClient({ adapter: createAdapter(config, opts) });
}

const g = globalThis as unknown as { __wardenDb?: Db };

/** The process-wide client for the configured database (created on first use, never at build). */
export function getDb(): Db {
  g.__wardenDb ??= createDb(resolveDatabaseConfig(), {
    poolMax: Number(process.env.DATABASE_POOL_MAX) || 10,
  });
  return g.__wardenDb;
}
