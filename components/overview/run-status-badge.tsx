import { Badge, type Tone } from "../ui/badge";

const TONES: Record<string, Tone> = { running: "blue", succeeded: "green", failed: "red", halted: "amber" };

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONES[status] ?? "neutral"} dot>
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </Badge>
  );
}
