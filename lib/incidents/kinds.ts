// The incident kinds Warden raises, with the words the console shows for them. Kinds are plain
// strings in the database: a feature that raises a new kind adds it here, and an unknown kind
// still shows (as itself) and routes like any other.

export const INCIDENT_KINDS = {
  budget_exceeded: "Run budget exceeded",
  loop_detected: "Loop detected",
  spend_alert_hourly: "Hourly spend alert",
  spend_alert_daily: "Daily spend alert",
  spend_cap_reached: "Daily spend cap reached",
  kill_switch_on: "Kill switch on",
  kill_switch_off: "Kill switch off",
  approval_escalated: "Approval escalated",
  approval_expired: "Approval expired",
  autonomy_auto_demoted: "Autonomy demoted",
  payload_digest_mismatch: "Executed payload differs from the approved one",
} as const;

export type KnownIncidentKind = keyof typeof INCIDENT_KINDS;

export function incidentKindLabel(kind: string): string {
  return (INCIDENT_KINDS as Record<string, string>)[kind] ?? kind.replace(/_/g, " ");
}
