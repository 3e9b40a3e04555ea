import { Badge } from "../ui/badge";
import { LEVELS, levelName } from "./levels";

/** "2 · Approval": the number operators talk about, with the name that says what it means. */
export function LevelBadge({ level }: { level: number }) {
  return (
    <Badge tone={LEVELS[level]?.tone ?? "neutral"}>
      {/* The spaces are for copied text and assistive tech; the flex gap does the layout. */}
      <span className="tabular-nums">{level}</span>{" "}
      <span aria-hidden="true" className="opacity-50">
        ·
      </span>{" "}
      {levelName(level)}
    </Badge>
  );
}
