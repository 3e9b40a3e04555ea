import type { DbTx } from "../db/client";
import { migrationNames } from "../db/migration-files";

export type Readiness = { ready: true; migrations: number } | { ready: false; reason: string };

/** Ready = the database answers and every migration on disk has been applied to it. */
export async function checkReadiness(db: DbTx, timeoutMs = 3_000): Promise<Readiness> {
  const expected = await migrationNames();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const rows = await Promise.race([
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeout,
    ]);
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = expected.filter((m) => !applied.has(m));
    if (missing.length) return { ready: false, reason: `database is not migrated: ${missing.length} pending (${missing.join(", ")})` };
    return { ready: true, migrations: expected.length };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/_prisma_migrations.*does not exist/i.test(msg)) return { ready: false, reason: "database is not migrated" };
    return { ready: false, reason: `database unreachable: ${msg.split("\n")[0].slice(0, 200)}` };
  } finally {
    clearTimeout(timer);
  }
}
