import { Badge, type Tone } from "../ui/badge";

const TONES: Record<string, Tone> = { low: "neutral", medium: "amber", high: "red", critical: "red" };
const LABELS: Record<string, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

/** An action type's risk label; "—" when the type has none. */
export function RiskBadge({ risk }: { risk: string | null }) {
  if (!risk) return <span className="text-zinc-500">—</span>;
  return (
    <Badge tone={TONES[risk] ?? "neutral"} dot={risk === "critical" || risk === "high"} className={risk === "critical" ? "font-semibold" : undefined}>
      {LABELS[risk] ?? risk}
    </Badge>
  );
}
