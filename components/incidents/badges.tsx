import type { IncidentView } from "@/lib/incidents/schemas";
import { Badge, type Tone } from "../ui/badge";

const SEVERITY: Record<IncidentView["severity"], { tone: Tone; label: string }> = {
  critical: { tone: "red", label: "Critical" },
  warning: { tone: "amber", label: "Warning" },
  info: { tone: "blue", label: "Info" },
};

const STATUS: Record<IncidentView["status"], { tone: Tone; label: string }> = {
  open: { tone: "red", label: "Open" },
  acknowledged: { tone: "amber", label: "Acknowledged" },
  resolved: { tone: "green", label: "Resolved" },
};

export function SeverityBadge({ severity }: { severity: IncidentView["severity"] }) {
  const s = SEVERITY[severity];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export function IncidentStatusBadge({ status }: { status: IncidentView["status"] }) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone} dot>
      {s.label}
    </Badge>
  );
}
