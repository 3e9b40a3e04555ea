import { Badge, type Tone } from "../ui/badge";

type StatusInput = { status: string; route: string; outcome: string | null };

/** What happened to an action, in words a reviewer uses. */
export function statusLabel(a: StatusInput): { label: string; tone: Tone } {
  switch (a.status) {
    case "pending":
      return a.route === "draft" ? { label: "Waiting for a person", tone: "amber" } : { label: "Waiting for approval", tone: "amber" };
    case "approved":
      return { label: "Approved", tone: "green" };
    case "executed":
      return { label: "Executed", tone: "green" };
    case "failed":
      return { label: "Execution failed", tone: "red" };
    case "rejected":
      return { label: "Rejected", tone: "red" };
    case "expired":
      return { label: "Expired", tone: "neutral" };
    case "drafted":
      return a.outcome === "executed_with_changes" ? { label: "Executed with changes", tone: "green" } : { label: "Executed as proposed", tone: "green" };
    case "discarded":
      return { label: "Discarded", tone: "neutral" };
    case "halted":
      return { label: "Halted", tone: "amber" };
    case "cancelled":
      return { label: "Withdrawn by the agent", tone: "neutral" };
    default:
      return { label: String(a.status), tone: "neutral" };
  }
}

export function ActionStatusBadge({ action }: { action: StatusInput }) {
  const s = statusLabel(action);
  return (
    <Badge tone={s.tone} dot>
      <span data-testid="action-status">{s.label}</span>
    </Badge>
  );
}
