import type { AuditEventFields } from "./content";

// Raw audit rows (snake_case, as $queryRaw returns them) and the fields the content hash reads.

export const EVENT_COLUMNS = `e.id, e.actor_type, e.actor_id, e.action, e.target_type, e.target_id, e.agent_id::text AS agent_id,
  e.action_type_id::text AS action_type_id, e.policy_version, e.payload_digest, e.before, e.after, e.created_at, e.content_hash, e.xact_id`;

export type EventRow = {
  id: bigint;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  agent_id: string | null;
  action_type_id: string | null;
  policy_version: number | null;
  payload_digest: string | null;
  before: unknown;
  after: unknown;
  created_at: Date;
  content_hash: string | null;
  xact_id: bigint;
};

export function eventFields(r: EventRow): AuditEventFields {
  return {
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    agentId: r.agent_id,
    actionTypeId: r.action_type_id,
    policyVersion: r.policy_version === null ? null : Number(r.policy_version),
    payloadDigest: r.payload_digest,
    before: r.before,
    after: r.after,
    createdAt: r.created_at,
  };
}
