import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import type { Db } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";

/** How long opening an item reserves it for one reviewer; it lapses on its own. */
export const CLAIM_TTL_MS = 3 * 60_000;

export type ClaimState = { mine: boolean; claimedBy: string | null; claimExpiresAt: string | null };

/**
 * Opening a pending item claims it so two reviewers don't work on the same one. Atomic: a
 * conditional update that succeeds only when the item is unclaimed, already ours, or lapsed.
 * A reviewer's own claim is renewed; someone else's live claim is reported, not taken.
 */
export async function claimAction(db: Db, actor: Actor, actionId: string, now = new Date()): Promise<ClaimState> {
  assertRole(actor, "reviewer", "review actions");
  if (!isUuid(actionId)) throw new NotFoundError("Action");
  const expires = new Date(now.getTime() + CLAIM_TTL_MS);
  return db.$transaction(async (tx) => {
    const before = await tx.action.findUnique({ where: { id: actionId }, select: { status: true, claimedById: true, claimExpiresAt: true, agentId: true, actionTypeId: true } });
    if (!before) throw new NotFoundError("Action");
    if (before.status !== "pending") return { mine: false, claimedBy: null, claimExpiresAt: null };
    const res = await tx.action.updateMany({
      where: {
        id: actionId,
        status: "pending",
        OR: [{ claimedById: null }, { claimedById: actor.id }, { claimExpiresAt: { lt: now } }],
      },
      data: { claimedById: actor.id, claimExpiresAt: expires },
    });
    if (res.count === 1) {
      if (before.claimedById !== actor.id || !before.claimExpiresAt || before.claimExpiresAt < now) {
        await recordAuditEvent(tx, {
          actor: { type: "user", id: actor.id },
          action: "action.claimed",
          targetType: "action",
          targetId: actionId,
          after: { until: expires },
          agentId: before.agentId,
          actionTypeId: before.actionTypeId,
        });
      }
      return { mine: true, claimedBy: actor.name ?? actor.email, claimExpiresAt: expires.toISOString() };
    }
    const holder = await tx.action.findUnique({ where: { id: actionId }, select: { claimExpiresAt: true, claimedBy: { select: { name: true, email: true } } } });
    return {
      mine: false,
      claimedBy: holder?.claimedBy ? (holder.claimedBy.name ?? holder.claimedBy.email) : null,
      claimExpiresAt: holder?.claimExpiresAt?.toISOString() ?? null,
    };
  });
}

/** Gives an item back before the claim lapses (the reviewer moved on without deciding). */
export async function releaseClaim(db: Db, actor: Actor, actionId: string): Promise<void> {
  assertRole(actor, "reviewer", "review actions");
  if (!isUuid(actionId)) throw new NotFoundError("Action");
  await db.action.updateMany({ where: { id: actionId, claimedById: actor.id }, data: { claimedById: null, claimExpiresAt: null } });
}
