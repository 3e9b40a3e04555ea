import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrate";
import { createScratchDatabase, dropDatabase } from "../helpers/pg-server";

// One fresh, migrated database per test run; files share it and each makes its own data.
export default async function setup(project: TestProject) {
  const db = await createScratchDatabase("it");
  await applyMigrations({ kind: "postgres", url: db.url });
  project.provide("databaseUrl", db.url);
  return async () => {
    if (!process.env.KEEP_TEST_DB) await dropDatabase(db.name);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
