import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { closeEmbedded } from "../../lib/db/adapter";
import { createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { createScratchDatabase, dropDatabase } from "./pg-server";

/** A client on the run's shared test database, closed after the file. */
export function useTestDb(): Db {
  const db = createDb({ kind: "postgres", url: inject("databaseUrl") }, { poolMax: 5 });
  afterAll(() => db.$disconnect());
  return db;
}

/**
 * A migrated database of this file's own, for tests that look at global state ("no users at
 * all", "the only admin"). Use the returned getter inside tests; dropped after the file.
 */
export function useScratchDb(label: string): () => Db {
  let db: Db | undefined;
  let name = "";
  beforeAll(async () => {
    const s = await createScratchDatabase(label);
    name = s.name;
    await applyMigrations({ kind: "postgres", url: s.url });
    db = createDb({ kind: "postgres", url: s.url }, { poolMax: 4 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    if (name) await dropDatabase(name);
  });
  return () => db!;
}

/**
 * A migrated embedded database (PGlite) in a temporary folder, for running critical paths on
 * the embedded default too. Use the returned getter inside tests; removed after the file.
 */
export function useEmbeddedDb(label: string): () => Db {
  let dir = "";
  let db: Db | undefined;
  const config = () => ({ kind: "embedded" as const, dataDir: path.join(dir, "pg") });
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), `warden-it-${label}-`));
    await applyMigrations(config());
    db = createDb(config());
  });
  afterAll(async () => {
    await db?.$disconnect();
    if (dir) {
      await closeEmbedded(config().dataDir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return () => db!;
}
