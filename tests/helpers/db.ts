import { afterAll, beforeAll, inject } from "vitest";
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
