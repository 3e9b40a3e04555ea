import { CopyButton } from "../ui/copy-button";

export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}

/** A JSON document, pretty-printed, scrollable past a screenful, with a copy button. */
export function JsonBlock({ value, label, testId }: { value: unknown; label: string; testId?: string }) {
  const text = prettyJson(value);
  return (
    <div className="overflow-hidden rounded-md border border-zinc-200 bg-zinc-50/70">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1.5">
        <span className="text-xs font-medium text-zinc-500">{label}</span>
        <CopyButton value={text} label="Copy JSON" />
      </div>
      <pre
        data-testid={testId}
        tabIndex={0}
        aria-label={label}
        className="max-h-[28rem] overflow-auto px-3 py-2.5 font-mono text-[12.5px] leading-relaxed text-zinc-800 outline-none focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-inset"
      >
        {text}
      </pre>
    </div>
  );
}
