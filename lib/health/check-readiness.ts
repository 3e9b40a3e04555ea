import type { DbTx } from "../db/client";
import { migrationNames } from "../db/migration-files";
import { listenerState, type ListenerState } from "../notify";
import { isDraining } from "./draining";

export type Readiness =
  | { ready: true; migrations: number; listen: ListenerState | null }
  | { ready: false; reason: string; listen?: ListenerState | null };

/**
 * Ready = not shutting down, the database answers, and every migration on disk has been
 * applied to it. The LISTEN connection's state is reported but does not make the instance
 * unready: while it reconnects, waiting agents are still answered (by polling, within 2 s).
 */
export async function checkReadiness(db: DbTx, timeoutMs = 3_000): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "shutting down" };
  const expected = await migrationNames();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const listen = listenerState();
  try {
    const rows = await Promise.race([
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeout,
    ]);
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = expected.filter((m) => !applied.has(m));
    if (missing.length) return { ready: false, reason: `database is not migrated: ${missing.length} pending (${missing.join(", ")})`, listen };
    return { ready: true, migrations: expected.length, listen };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/_prisma_migrations.*does not exist/i.test(msg)) return { ready: false, reason: "database is not migrated", listen };
    return { ready: false, reason: `database unreachable: ${msg.split("\n").pop()?.trim().slice(0, 200)}`, listen };
  } finally {
    clearTimeout(timer);
  }
}
