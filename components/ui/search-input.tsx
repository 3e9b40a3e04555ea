"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "./cn";
import { SearchIcon } from "./icons";
import { Input } from "./input";
import { Label } from "./label";

/** How long typing pauses before the search is sent. */
const SETTLE_MS = 300;

/**
 * A labelled search box that reports its text once typing pauses (or at once on Enter), so a
 * list is not refetched on every keystroke. The text follows `value` when it changes elsewhere
 * (a "Clear filters" button, the browser's back button).
 */
export function SearchInput({
  id,
  label,
  placeholder,
  value,
  onChange,
  className,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  className?: string;
}) {
  const [text, setText] = useState(value ?? "");
  const sent = useRef(value ?? "");
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    if ((value ?? "") !== sent.current) {
      sent.current = value ?? "";
      setText(value ?? "");
    }
  }, [value]);
  const commit = (t: string) => {
    const trimmed = t.trim();
    if (trimmed === sent.current) return;
    sent.current = trimmed;
    onChangeRef.current(trimmed || undefined);
  };
  useEffect(() => {
    const timer = setTimeout(() => commit(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className={className}>
      <Label htmlFor={id} className="mb-1 text-xs font-medium text-zinc-600">
        {label}
      </Label>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-zinc-500" />
        <Input
          id={id}
          type="search"
          controlSize="sm"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          placeholder={placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit(text);
            }
          }}
          className={cn("pl-7")}
        />
      </div>
    </div>
  );
}
