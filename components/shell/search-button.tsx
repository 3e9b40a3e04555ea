"use client";

import { useOpenSearch } from "../search/search-context";
import { SearchIcon } from "../ui/icons";

/** The sidebar's way into ⌘K search, with the shortcut shown. */
export function SearchButton() {
  const open = useOpenSearch();
  return (
    <button
      type="button"
      onClick={open}
      aria-keyshortcuts="Meta+K Control+K"
      className="flex h-8 w-full items-center gap-2.5 rounded-md border border-ink-700 bg-ink-800/60 px-2.5 text-sm text-ink-400 outline-none hover:border-ink-500 hover:text-ink-100 focus-visible:ring-2 focus-visible:ring-accent-500"
    >
      <SearchIcon className="size-4" />
      Search
      <kbd aria-hidden="true" className="ml-auto rounded border border-ink-700 px-1 font-mono text-[11px] text-ink-400">
        ⌘K
      </kbd>
    </button>
  );
}
