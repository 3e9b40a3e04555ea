import type { DbTx } from "./client";
import { poolOf, type Db } from "./client";

/**
 * Runs a hot statement as a named prepared statement on a Postgres server: Postgres parses and
 * plans it once per connection instead of on every call (planning the agent's authorize
 * statement took longer than executing it). Embedded (PGlite) and inside a transaction it runs
 * through Prisma like any raw query. The SQL must use $1…$n with explicit casts.
 */
export async function preparedQuery<T>(db: DbTx, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = poolOf(db as Db);
  if (!pool) return db.$queryRawUnsafe<T[]>(text, ...values);
  const res = await pool.query({ name, text, values });
  return res.rows as T[];
}
