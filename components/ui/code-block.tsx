import { CopyButton } from "./copy-button";

/** A short shell or config snippet with a copy button. */
export function CodeBlock({ code, label }: { code: string; label?: string }) {
  return (
    <div className="overflow-hidden rounded-md border border-zinc-200 bg-ink-950">
      <div className="flex items-center justify-between gap-2 border-b border-ink-800 px-3 py-1.5">
        <span className="text-xs text-ink-400">{label ?? "Shell"}</span>
        <CopyButton value={code} />
      </div>
      {/* Focusable, so a long line can be scrolled from the keyboard too. */}
      <pre
        tabIndex={0}
        aria-label={label ?? "Shell"}
        className="overflow-x-auto px-3 py-2.5 font-mono text-[12.5px] leading-relaxed text-ink-100 outline-none focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-inset"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
