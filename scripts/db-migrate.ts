// Applies pending migrations to DATABASE_URL, or to the embedded database under .data/.
import { applyMigrations } from "../lib/db/migrate";
import { describeDatabase, resolveDatabaseConfig } from "../lib/db/config";

const config = resolveDatabaseConfig();
const applied = await applyMigrations(config);
console.log(
  applied.length
    ? `applied ${applied.length} migration(s) to ${describeDatabase(config)}: ${applied.join(", ")}`
    : `${describeDatabase(config)} is up to date`,
);
process.exit(0);
