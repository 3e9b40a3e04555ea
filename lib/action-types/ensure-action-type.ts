import type { DbTx } from "../db/client";
import type { ActionType } from "../generated/prisma/client";

/** The action type for a key, registered on first use at level 3 (draft); see docs/policy-and-autonomy.md. */
export async function ensureActionType(db: DbTx, key: string): Promise<ActionType> {
  const existing = await db.actionType.findUnique({ where: { key } });
  if (existing) return existing;
  await db.$executeRaw`
    INSERT INTO action_types (id, key, level, updated_at) VALUES (gen_random_uuid(), ${key}, 3, now())
    ON CONFLICT (key) DO NOTHING`;
  return db.actionType.findUniqueOrThrow({ where: { key } });
}
