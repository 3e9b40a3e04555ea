"use client";

import { cn } from "./cn";

export type Segment<T extends string> = { value: T; label: React.ReactNode; disabled?: boolean; title?: string };

/** A small switch between views: a group of toggle buttons, the pressed one is what is shown. */
export function Segmented<T extends string>({
  label,
  segments,
  value,
  onChange,
}: {
  /** What the group switches, for assistive tech ("Show the payload as"). */
  label: string;
  segments: Segment<T>[];
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <span role="group" aria-label={label} className="inline-flex rounded-md bg-zinc-200/70 p-0.5">
      {segments.map((s) => (
        <button
          key={s.value}
          type="button"
          aria-pressed={value === s.value}
          disabled={s.disabled}
          title={s.title}
          onClick={() => onChange(s.value)}
          className={cn(
            "inline-flex h-6 items-center gap-1 rounded px-2.5 text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-accent-500 disabled:cursor-not-allowed disabled:opacity-50",
            value === s.value ? "bg-surface text-zinc-900 shadow-xs" : "text-zinc-700 hover:text-zinc-900",
          )}
        >
          {s.label}
        </button>
      ))}
    </span>
  );
}
