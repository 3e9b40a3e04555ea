import { closeEmbedded } from "../db/adapter";
import { createDb } from "../db/client";
import { describeDatabase, type DatabaseConfig } from "../db/config";
import { applyMigrations } from "../db/migrate";
import { initFromEnv, type InitResult } from "./init-from-env";

/**
 * What every start does before serving: migrate the database, then headless init.
 * Embedded: the folder is released afterwards so the server process can open it.
 */
export async function prepareDatabase(
  config: DatabaseConfig,
  env: Record<string, string | undefined>,
): Promise<{ applied: string[]; init: InitResult; description: string }> {
  const applied = await applyMigrations(config);
  const db = createDb(config, { poolMax: 2 });
  try {
    const init = await initFromEnv(db, env);
    return { applied, init, description: describeDatabase(config) };
  } finally {
    await db.$disconnect();
    if (config.kind === "embedded") await closeEmbedded(config.dataDir);
  }
}
