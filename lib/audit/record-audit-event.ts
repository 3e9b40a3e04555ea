import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import type { Prisma } from "../generated/prisma/client";
import { payloadDigest } from "../sdk/canonical-json";
import { asStoredJson, auditContent, contentHash } from "./content";

export type AuditActor = { type: "user" | "agent" | "system"; id?: string | null };

/**
 * What makes an event a decision receipt (docs/audit-log.md#receipts): the action type's policy
 * version the decision was made under (null when no type is involved) and the payload it applied
 * to — given as the value (digested here, RFC 8785 + SHA-256) or as a digest already computed.
 */
export type AuditReceipt = { policyVersion: number | null; payload?: unknown; payloadDigest?: string | null };

export type AuditEventInput = {
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  /** The agent and action type the event concerns (filters, exports); taken from the target when it is one. */
  agentId?: string | null;
  actionTypeId?: string | null;
  receipt?: AuditReceipt;
};

/**
 * Appends one audit event; call it with the same transaction handle as the change it records.
 * The event's content hash is computed here; the chainer links it into the chain later.
 */
export async function recordAuditEvent(tx: DbTx, e: AuditEventInput): Promise<{ id: bigint; contentHash: string }> {
  const fields = auditEventFields(e, new Date());
  const hash = contentHash(auditContent(fields));
  const row = await tx.auditEvent.create({
    data: {
      ...fields,
      before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
      contentHash: hash,
    },
    select: { id: true },
  });
  return { id: row.id, contentHash: hash };
}

/** Several events at once (one statement), e.g. one per action a kill switch halted. */
export async function recordAuditEvents(tx: DbTx, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const createdAt = new Date();
  await tx.auditEvent.createMany({
    data: events.map((e) => {
      const fields = auditEventFields(e, createdAt);
      return {
        ...fields,
        before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
        after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
        contentHash: contentHash(auditContent(fields)),
      };
    }),
  });
}

/** The columns of an event as they will read back from the database. */
export function auditEventFields(e: AuditEventInput, createdAt: Date) {
  const targetId = e.targetId ?? null;
  const fromTarget = (type: string) => (e.targetType === type && targetId && isUuid(targetId) ? targetId : null);
  const r = e.receipt;
  return {
    actorType: e.actor.type,
    actorId: e.actor.id ?? null,
    action: e.action,
    targetType: e.targetType,
    targetId,
    agentId: e.agentId ?? fromTarget("agent"),
    actionTypeId: e.actionTypeId ?? fromTarget("action_type"),
    policyVersion: r?.policyVersion ?? null,
    payloadDigest: r ? (r.payloadDigest ?? (r.payload === undefined ? null : payloadDigest(asStoredJson(r.payload)))) : null,
    before: asStoredJson(e.before),
    after: asStoredJson(e.after),
    createdAt,
  };
}
