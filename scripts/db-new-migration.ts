// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that brings the
// existing migrations up to prisma/schema.prisma. Offline: no Prisma CLI, no database server.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema } from "../lib/db/migrate";
import { LOCKFILE, MIGRATIONS_DIR } from "../lib/db/migration-files";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name>   (lowercase letters, digits, _)");
  process.exit(2);
}

const sql = await diffMigrationsToSchema();
if (!sql || sql.includes("This is an empty migration")) {
  console.log("schema.prisma and the migrations agree: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql + "\n");
await writeFile(
  path.join(MIGRATIONS_DIR, "migration_lock.toml"),
  LOCKFILE,
);
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
