import { canonicalJson, sha256Hex } from "../sdk/canonical-json";

// What an audit event's content hash covers: everything the event says, as RFC 8785 canonical
// JSON. The row's id and chain position are not part of it (the chain links them); a row read
// back from the database and the values the writer had produce the same hash because both pass
// through JSON (docs/audit-log.md#what-is-hashed).

export type AuditContent = {
  v: 1;
  at: string;
  actor: { type: string; id: string | null };
  action: string;
  target: { type: string; id: string | null };
  agentId: string | null;
  actionTypeId: string | null;
  policyVersion: number | null;
  payloadDigest: string | null;
  before: unknown;
  after: unknown;
};

/** An audit event as stored (a Prisma row, a raw row mapped to these names, or the writer's values). */
export type AuditEventFields = {
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  agentId: string | null;
  actionTypeId: string | null;
  policyVersion: number | null;
  payloadDigest: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date | string;
};

/** A value as it comes back from a JSON column: what JSON.stringify keeps, null for nothing. */
export function asStoredJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value));
}

export function auditContent(e: AuditEventFields): AuditContent {
  return {
    v: 1,
    at: typeof e.createdAt === "string" ? e.createdAt : e.createdAt.toISOString(),
    actor: { type: e.actorType, id: e.actorId ?? null },
    action: e.action,
    target: { type: e.targetType, id: e.targetId ?? null },
    agentId: e.agentId ?? null,
    actionTypeId: e.actionTypeId ?? null,
    policyVersion: e.policyVersion ?? null,
    payloadDigest: e.payloadDigest ?? null,
    before: asStoredJson(e.before),
    after: asStoredJson(e.after),
  };
}

/** SHA-256 (hex) of the event content's canonical JSON. */
export function contentHash(content: AuditContent): string {
  return sha256Hex(canonicalJson(content));
}
