import type { DbTx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

export type AuditActor = { type: "user" | "agent" | "system"; id?: string | null };

/** Appends one audit event; call it with the same transaction handle as the change it records. */
export async function recordAuditEvent(
  tx: DbTx,
  e: { actor: AuditActor; action: string; targetType: string; targetId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorType: e.actor.type,
      actorId: e.actor.id ?? null,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      before: (e.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (e.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
