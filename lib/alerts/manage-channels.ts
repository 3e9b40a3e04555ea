import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import { withTx, type DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { isUniqueViolation } from "../db/errors";
import { ConflictError, NotFoundError } from "../errors";
import type { AlertChannel } from "../generated/prisma/client";
import { channelStats, toChannelView, toDeliveryView } from "./channel-view";
import { createChannelInput, updateChannelInput, type ChannelDetailView, type ChannelView } from "./schemas";
import { generateChannelSecret } from "./webhook";

// Alert channels: every signed-in role may read them (the secret only for managers); managers
// create, change and delete them. Each change is an audit event in the same transaction.

const audited = (c: AlertChannel) => ({ name: c.name, url: c.url, format: c.format, kinds: c.kinds, minSeverity: c.minSeverity, enabled: c.enabled });

function duplicateName(err: unknown, name: string | undefined): never {
  if (isUniqueViolation(err)) throw new ConflictError(`A channel named "${name}" already exists.`);
  throw err;
}

export async function listChannels(db: DbTx, actor: Actor): Promise<ChannelView[]> {
  const channels = await db.alertChannel.findMany({ orderBy: { name: "asc" } });
  const stats = await channelStats(db, channels.map((c) => c.id));
  return channels.map((c) => toChannelView(c, actor, stats.get(c.id)));
}

async function getChannelRow(db: DbTx, id: string): Promise<AlertChannel> {
  const c = isUuid(id) ? await db.alertChannel.findUnique({ where: { id } }) : null;
  if (!c) throw new NotFoundError("Alert channel");
  return c;
}

/** A channel with its latest deliveries and every attempt of each: the delivery log. */
export async function getChannel(db: DbTx, actor: Actor, id: string, limit = 50): Promise<ChannelDetailView> {
  const c = await getChannelRow(db, id);
  const [deliveries, stats] = await Promise.all([
    db.alertDelivery.findMany({
      where: { channelId: c.id },
      orderBy: { createdAt: "desc" },
      take: limit,
      include: { attemptsLog: { orderBy: { attempt: "asc" } } },
    }),
    channelStats(db, [c.id]),
  ]);
  return { channel: toChannelView(c, actor, stats.get(c.id)), deliveries: deliveries.map((d) => toDeliveryView(d, d.attemptsLog)) };
}

export async function createChannel(db: DbTx, actor: Actor, raw: unknown): Promise<ChannelView> {
  assertRole(actor, "manager", "configure alert channels");
  const input = createChannelInput.parse(raw);
  try {
    return await withTx(db, async (tx) => {
      const c = await tx.alertChannel.create({ data: { ...input, secret: generateChannelSecret(), createdById: actor.id } });
      await recordAuditEvent(tx, { actor: { type: "user", id: actor.id }, action: "alert_channel.created", targetType: "alert_channel", targetId: c.id, after: audited(c) });
      return toChannelView(c, actor);
    });
  } catch (err) {
    duplicateName(err, input.name);
  }
}

export async function updateChannel(db: DbTx, actor: Actor, id: string, raw: unknown): Promise<ChannelView> {
  assertRole(actor, "manager", "configure alert channels");
  const { version, ...changes } = updateChannelInput.parse(raw);
  try {
    return await withTx(db, async (tx) => {
      const before = await getChannelRow(tx, id);
      const res = await tx.alertChannel.updateMany({ where: { id: before.id, version }, data: { ...changes, version: { increment: 1 } } });
      if (res.count === 0) {
        throw new ConflictError(`Someone else changed this channel meanwhile (now version ${before.version}); reload and apply your change again.`, { currentVersion: before.version });
      }
      // A disabled channel's queue would otherwise wait forever: what was not sent is dropped.
      if (changes.enabled === false) {
        await tx.alertDelivery.updateMany({ where: { channelId: before.id, status: "pending" }, data: { status: "cancelled", lastError: "The channel was disabled." } });
      }
      const after = await tx.alertChannel.findUniqueOrThrow({ where: { id: before.id } });
      await recordAuditEvent(tx, { actor: { type: "user", id: actor.id }, action: "alert_channel.updated", targetType: "alert_channel", targetId: before.id, before: audited(before), after: audited(after) });
      return toChannelView(after, actor);
    });
  } catch (err) {
    duplicateName(err, changes.name);
  }
}

export async function deleteChannel(db: DbTx, actor: Actor, id: string): Promise<{ deleted: true }> {
  assertRole(actor, "manager", "configure alert channels");
  return withTx(db, async (tx) => {
    const c = await getChannelRow(tx, id);
    await tx.alertChannel.delete({ where: { id: c.id } });
    await recordAuditEvent(tx, { actor: { type: "user", id: actor.id }, action: "alert_channel.deleted", targetType: "alert_channel", targetId: c.id, before: audited(c) });
    return { deleted: true as const };
  });
}
