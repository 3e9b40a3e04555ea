import { afterAll, inject } from "vitest";
import { createDb, type Db } from "../../lib/db/client";

/** A client on the run's test database, closed after the file. */
export function useTestDb(): Db {
  const db = createDb({ kind: "postgres", url: inject("databaseUrl") }, { poolMax: 5 });
  afterAll(() => db.$disconnect());
  return db;
}
