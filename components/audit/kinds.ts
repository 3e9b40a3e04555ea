// How the audit log names each kind of event. Unknown kinds (new ones) show as their code.

export const KIND_LABELS: Record<string, string> = {
  "action.requested": "Asked to act",
  "action.claimed": "Opened for review",
  "action.approved": "Approved",
  "action.rejected": "Rejected",
  "action.expired": "Expired (deadline passed)",
  "action.escalated": "Escalated to managers",
  "action.cancelled": "Withdrawn by the agent",
  "action.result_reported": "Reported the result",
  "draft.executed_as_proposed": "Draft executed as proposed",
  "draft.executed_with_changes": "Draft executed with changes",
  "draft.discarded": "Draft discarded",
  "action_type.declared": "Type declared",
  "action_type.updated": "Policy changed",
  "autonomy.promoted": "Promoted",
  "autonomy.demoted": "Demoted",
  "autonomy.requested": "Level 0 requested",
  "autonomy.denied": "Level 0 denied",
  "agent.created": "Agent created",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "personal_token.created": "API token created",
  "personal_token.revoked": "API token revoked",
  "user.created": "User created",
  "user.updated": "User changed",
  "user.password_reset": "Password reset",
  "user.password_changed": "Password changed",
  "audit.pruned": "Old events pruned (retention)",
};

/** Suggestions for the kind filter: each family (a prefix ending in ".") and every known kind. */
export const KIND_SUGGESTIONS = [
  ...new Set(Object.keys(KIND_LABELS).map((k) => `${k.split(".")[0]}.`)),
  ...Object.keys(KIND_LABELS),
];
