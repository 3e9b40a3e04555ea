"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { SearchResult } from "@/lib/search/schemas";
import { actionsSearchHref } from "../actions/action-params";
import { api, errorMessage } from "../api";
import { cn } from "../ui/cn";
import { Dialog } from "../ui/dialog";
import { SearchIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { Time } from "../ui/time";
import { KIND_LABELS, hitHref } from "./search-hits";

type Option = { key: string; href: string; title: string; detail: string; at: string | null; group: string };

/**
 * ⌘K: jump to an action, run, agent or action type by id or name. A combobox: type, move with
 * the arrow keys, Enter opens; the last option searches every action for the text.
 */
export function SearchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Search" description="An action or run id, a subject, an external id, an agent or an action type." width="max-w-xl">
      {open ? <SearchBody onClose={onClose} /> : null}
    </Dialog>
  );
}

function SearchBody({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 150);
    return () => clearTimeout(t);
  }, [text]);

  const query = useQuery({
    queryKey: ["search", q],
    queryFn: () => api<SearchResult>(`/api/console/search?q=${encodeURIComponent(q)}`),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const hits = q && query.data ? query.data.hits : [];
  const options: Option[] = [
    ...hits.map((h) => ({ key: `${h.kind}:${h.id}`, href: hitHref(h), title: h.title, detail: h.detail, at: h.at, group: KIND_LABELS[h.kind] })),
    ...(q ? [{ key: "all", href: actionsSearchHref(q), title: `Search all actions for “${q}”`, detail: "by action id, run id, subject or external id", at: null, group: "" }] : []),
  ];
  const current = Math.min(active, Math.max(0, options.length - 1));
  // The active option stays in view as the arrow keys move through a long list.
  useEffect(() => {
    document.getElementById(`${id}-o${current}`)?.scrollIntoView({ block: "nearest" });
  }, [id, current]);
  const go = (o: Option | undefined) => {
    if (!o) return;
    onClose();
    router.push(o.href);
  };

  return (
    <div className="space-y-3">
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-500" />
        <input
          autoFocus
          role="combobox"
          aria-label="Search the console"
          aria-expanded={options.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={options.length ? `${id}-o${current}` : undefined}
          aria-autocomplete="list"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              if (options.length) setActive((current + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
            } else if (e.key === "Enter") {
              e.preventDefault();
              go(options[current]);
            }
          }}
          maxLength={200}
          spellCheck={false}
          autoComplete="off"
          placeholder="Search…"
          className="block h-10 w-full rounded-md border border-zinc-300 bg-surface pr-9 pl-9 text-sm text-zinc-900 outline-none placeholder:text-zinc-500 focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30"
        />
        {query.isFetching ? <Spinner className="absolute top-1/2 right-3 -translate-y-1/2 text-zinc-500" /> : null}
      </div>
      {query.isError ? <p className="text-[13px] text-red-700">{errorMessage(query.error)}</p> : null}
      <ul id={`${id}-list`} role="listbox" aria-label="Results" className="max-h-[55vh] overflow-y-auto" data-testid="search-results">
        {options.map((o, i) => (
          <li
            key={o.key}
            id={`${id}-o${i}`}
            role="option"
            aria-selected={i === current}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(o)}
            className={cn("flex cursor-pointer items-baseline gap-3 rounded-md px-3 py-2", i === current ? "bg-accent-50" : "hover:bg-zinc-50")}
          >
            {o.group ? <span className="w-20 shrink-0 text-xs text-zinc-600">{options[i - 1]?.group === o.group ? "" : o.group}</span> : <span className="w-20 shrink-0" />}
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[13px] font-medium text-zinc-900">{o.title}</span>
              <span className="block truncate text-xs text-zinc-600">
                {o.detail}
                {o.at ? (
                  <>
                    {" · "}
                    <Time iso={o.at} relative />
                  </>
                ) : null}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {q && query.data && hits.length === 0 ? <p className="px-1 text-[13px] text-zinc-600">No action, run, agent or action type by that id or name.</p> : null}
      {!q ? (
        <p className="px-1 text-xs text-zinc-600">
          Ids, subjects and external ids match whole; agent names and action types match any part. <kbd className="font-mono">↑</kbd> <kbd className="font-mono">↓</kbd> to move, <kbd className="font-mono">Enter</kbd> to open.
        </p>
      ) : null}
    </div>
  );
}
