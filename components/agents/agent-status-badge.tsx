import type { AgentView } from "@/lib/agents/schemas";
import { Badge, type Tone } from "../ui/badge";

const TONES: Record<AgentView["status"], Tone> = { active: "green", paused: "amber", disabled: "neutral" };
const LABELS: Record<AgentView["status"], string> = { active: "Active", paused: "Paused", disabled: "Disabled" };

export function AgentStatusBadge({ status }: { status: AgentView["status"] }) {
  return (
    <Badge tone={TONES[status]} dot>
      {LABELS[status]}
    </Badge>
  );
}
