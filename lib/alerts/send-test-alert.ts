import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import { withTx, type Db } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import { toDeliveryView } from "./channel-view";
import { deliverDueAlerts } from "./deliver-due-alerts";
import type { DeliveryView } from "./schemas";

/**
 * The "send test" button: queues a test event for one channel, whatever its routing, and sends
 * it right away (the job would within seconds); the outcome shows in the channel's delivery log.
 */
export async function sendTestAlert(db: Db, actor: Actor, channelId: string): Promise<DeliveryView> {
  assertRole(actor, "manager", "send test alerts");
  const delivery = await withTx(db, async (tx) => {
    const c = isUuid(channelId) ? await tx.alertChannel.findUnique({ where: { id: channelId } }) : null;
    if (!c) throw new NotFoundError("Alert channel");
    const at = new Date();
    const d = await tx.alertDelivery.create({
      data: {
        channelId: c.id,
        eventType: "test",
        payload: {
          type: "test",
          timestamp: at.toISOString(),
          data: { message: `Test alert from Warden to "${c.name}", sent by ${actor.name ?? actor.email}.`, severity: "info", kind: "test", path: `/alerts/${c.id}` },
        },
        nextAttemptAt: at,
      },
    });
    await recordAuditEvent(tx, { actor: { type: "user", id: actor.id }, action: "alert_channel.test_sent", targetType: "alert_channel", targetId: c.id, after: { deliveryId: d.id } });
    return d;
  });
  // A failure here is the test's answer, and it is in the log; the job retries it like any other.
  await deliverDueAlerts(db, { onlyIds: [delivery.id] }).catch(() => undefined);
  const now = await db.alertDelivery.findUniqueOrThrow({ where: { id: delivery.id }, include: { attemptsLog: { orderBy: { attempt: "asc" } } } });
  return toDeliveryView(now, now.attemptsLog);
}
