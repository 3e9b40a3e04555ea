import { cn } from "../ui/cn";

/** A SHA-256 shown by its first 12 hex characters; the whole value on hover and for copying. */
export function Digest({ value, className }: { value: string; className?: string }) {
  return (
    <code title={value} data-digest={value} className={cn("font-mono text-[12px] text-zinc-700", className)}>
      {value.slice(0, 12)}…
    </code>
  );
}
