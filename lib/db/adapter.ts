import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseConfig } from "./config";

// One embedded database per data directory per process: PGlite owns its folder exclusively.
// Kept on globalThis so Next's module reloading never opens the same folder twice.
const g = globalThis as unknown as { __wardenEmbedded?: Map<string, PGlite> };
const embedded = (g.__wardenEmbedded ??= new Map<string, PGlite>());

export function openEmbedded(dataDir: string): PGlite {
  let db = embedded.get(dataDir);
  if (!db) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    db = new PGlite(dataDir);
    embedded.set(dataDir, db);
  }
  return db;
}

export async function closeEmbedded(dataDir: string): Promise<void> {
  const db = embedded.get(dataDir);
  if (!db) return;
  embedded.delete(dataDir);
  await db.close();
}

/** The driver adapter for a database: adapter-pg for a server, PGlite in-process when embedded. */
export function createAdapter(config: DatabaseConfig, opts: { poolMax?: number } = {}) {
  if (config.kind === "postgres") {
    return new PrismaPg({ connectionString: config.url, max: opts.poolMax ?? 10, connectionTimeoutMillis: 5_000 });
  }
  return new PrismaPGlite(openEmbedded(config.dataDir));
}
