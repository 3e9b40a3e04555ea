"use client";

import { useState } from "react";
import { CopyButton } from "../ui/copy-button";
import { Segmented } from "../ui/segmented";
import { PayloadFields } from "./payload-fields";

export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}

type View = "fields" | "json";

/**
 * A JSON document with a copy button, shown as fields (text as text, wrapped) or as raw JSON
 * (pretty-printed, long lines wrapped so nothing runs off the edge); `fields` offers both, with
 * the fields first. Scrolls inside itself past a screenful.
 */
export function JsonBlock({ value, label, testId, fields = false }: { value: unknown; label: string; testId?: string; fields?: boolean }) {
  const [view, setView] = useState<View>(fields ? "fields" : "json");
  const text = prettyJson(value);
  return (
    <div className="overflow-hidden rounded-md border border-zinc-200 bg-zinc-50/70">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1.5">
        <span className="min-w-0 text-xs font-medium text-zinc-600">{label}</span>
        <span className="flex items-center gap-2">
          {fields ? (
            <Segmented
              label={`Show the ${label.split(" · ")[0]!.toLowerCase()} as`}
              value={view}
              onChange={setView}
              segments={[
                { value: "fields", label: "Fields" },
                { value: "json", label: "JSON" },
              ]}
            />
          ) : null}
          <CopyButton value={text} label="Copy JSON" />
        </span>
      </div>
      {view === "fields" ? (
        <div
          data-testid={testId}
          data-view="fields"
          tabIndex={0}
          aria-label={label}
          className="max-h-[32rem] overflow-y-auto px-3 py-3 outline-none focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-inset"
        >
          <PayloadFields value={value} />
        </div>
      ) : (
        <pre
          data-testid={testId}
          data-view="json"
          tabIndex={0}
          aria-label={label}
          className="max-h-[28rem] overflow-y-auto px-3 py-2.5 font-mono text-[12.5px] leading-relaxed whitespace-pre-wrap text-zinc-800 outline-none [overflow-wrap:anywhere] focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-inset"
        >
          {text}
        </pre>
      )}
    </div>
  );
}

