import { diffPayload, type PayloadChange } from "../actions/payload-diff";
import type { Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { NotFoundError } from "../errors";
import { payloadDigest } from "../sdk/canonical-json";

export type ActionTypeVersionView = {
  version: number;
  at: string;
  /** Who made this version, from the audit event that recorded the change; null when none did (first use). */
  by: string | null;
  /** The audit event's kind (action_type.updated, autonomy.promoted…). */
  change: string | null;
  reason: string | null;
  /** SHA-256 of the settings' canonical JSON: what receipts made under this version name. */
  digest: string;
  /** What changed from the version before (none for the first one shown). */
  changes: PayloadChange[];
  settings: unknown;
};

/**
 * An action type's versions, newest first, each with what changed (docs/audit-log.md#policy-versions).
 * Every signed-in role reads action types, so every role reads their history too.
 */
export async function listActionTypeVersions(db: DbTx, _actor: Actor, key: string, limit = 50): Promise<ActionTypeVersionView[]> {
  const t = await db.actionType.findUnique({ where: { key }, select: { id: true } });
  if (!t) throw new NotFoundError("Action type");
  const [versions, events] = await Promise.all([
    // One more than shown, so the oldest shown has a predecessor to diff against.
    db.actionTypeVersion.findMany({ where: { actionTypeId: t.id }, orderBy: { version: "desc" }, take: limit + 1 }),
    db.auditEvent.findMany({ where: { targetType: "action_type", targetId: t.id }, orderBy: { id: "desc" }, take: 500 }),
  ]);
  const made = new Map<number, (typeof events)[number]>();
  for (const e of events) {
    const v = (e.after as { version?: unknown } | null)?.version;
    if (typeof v === "number" && !made.has(v)) made.set(v, e);
  }
  const userIds = [...new Set([...made.values()].filter((e) => e.actorType === "user" && e.actorId).map((e) => e.actorId!))];
  const agentIds = [...new Set([...made.values()].filter((e) => e.actorType === "agent" && e.actorId).map((e) => e.actorId!))];
  const [users, agents] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([...users.map((u) => [u.id, u.name ?? u.email] as const), ...agents.map((a) => [a.id, a.name] as const)]);
  return versions.slice(0, limit).map((v, i) => {
    const e = made.get(v.version);
    const previous = versions[i + 1];
    const after = (e?.after ?? null) as { reason?: unknown } | null;
    return {
      version: v.version,
      at: (e?.createdAt ?? v.createdAt).toISOString(),
      by: e ? (e.actorType === "system" ? "Warden" : (names.get(e.actorId ?? "") ?? `a deleted ${e.actorType}`)) : null,
      change: e?.action ?? null,
      reason: typeof after?.reason === "string" ? after.reason : null,
      digest: payloadDigest(v.settings),
      changes: previous ? diffPayload(previous.settings, v.settings) : [],
      settings: v.settings,
    };
  });
}
