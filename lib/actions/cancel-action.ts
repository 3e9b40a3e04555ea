import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import { recordAuditEvent } from "../audit";
import { withTx, type DbTx } from "../db/client";
import { ConflictError } from "../errors";
import { notifyActionChanged } from "../notify";
import { toActionView } from "./action-view";
import { getOwnActionOrThrow } from "./get-action";
import { cancelActionInput, type ActionView } from "./schemas";

const DEFAULT_REASON = "Withdrawn by the agent.";

/**
 * The agent withdraws its own pending action (it stopped waiting: its caller cancelled, or it
 * gave up). Exactly once, like a person's decision: a conditional update on (pending, version),
 * the audit event and the wake-up in one transaction. The item leaves the queues, and a
 * reviewer who decides it afterwards gets 409. Cancelling again is a no-op; cancelling an
 * action someone already decided is 409 naming what became of it.
 */
export async function cancelAction(db: DbTx, agent: AuthenticatedAgent, actionId: string, raw: unknown): Promise<ActionView> {
  const input = cancelActionInput.parse(raw ?? {});
  const a = await getOwnActionOrThrow(db, agent, actionId);
  if (a.status === "cancelled") return toActionView(a, a.actionType.key);
  if (a.status !== "pending") throw notPending(a.status);
  const reason = input.reason ?? DEFAULT_REASON;
  const updated = await withTx(db, async (tx) => {
    const res = await tx.action.updateMany({
      where: { id: a.id, status: "pending", version: a.version },
      data: {
        status: "cancelled",
        decisionReason: reason,
        decidedAt: new Date(),
        claimedById: null,
        claimExpiresAt: null,
        version: { increment: 1 },
      },
    });
    if (res.count === 0) {
      // Someone decided between our read and the update: report what they did.
      const now = await tx.action.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } });
      throw notPending(now.status);
    }
    await recordAuditEvent(tx, {
      actor: { type: "agent", id: agent.agentId },
      action: "action.cancelled",
      targetType: "action",
      targetId: a.id,
      before: { status: a.status },
      after: { status: "cancelled", reason },
    });
    await notifyActionChanged(tx, a.id);
    return tx.action.findUniqueOrThrow({ where: { id: a.id } });
  });
  return toActionView(updated, a.actionType.key);
}

function notPending(status: string): ConflictError {
  return new ConflictError(`Only a pending action can be cancelled; this one is ${status}.`, { actionStatus: status });
}
