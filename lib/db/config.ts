import path from "node:path";

export type Env = Record<string, string | undefined>;

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string };

/** With DATABASE_URL Warden uses that server; without it, an embedded Postgres under .data/. */
export function resolveDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  return { kind: "embedded", dataDir: path.join(resolveDataDir(env), "pg") };
}

/** Where local state lives (embedded database, generated secret): WARDEN_DATA_DIR or ./.data. */
export function resolveDataDir(env: Env = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.WARDEN_DATA_DIR?.trim() || ".data");
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "embedded") return `embedded Postgres (PGlite) in ${config.dataDir}`;
  const u = new URL(config.url);
  return `Postgres at ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
}
