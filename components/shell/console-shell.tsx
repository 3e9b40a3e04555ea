"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { SearchContext } from "../search/search-context";
import { SearchDialog } from "../search/search-dialog";
import { cn } from "../ui/cn";
import { LogoMark, MenuIcon, SearchIcon } from "../ui/icons";

/**
 * The console's frame. From 1024 px the sidebar stands beside the page; below, it folds into a
 * menu behind a top bar, opened over the page (which is inert meanwhile) and closed by a link,
 * Escape or a tap beside it. Only main scrolls, never the document: the shell and main are
 * positioning contexts, so absolutely positioned content is laid out and clipped inside them.
 * ⌘K / Ctrl-K opens the search from anywhere.
 */
export function ConsoleShell({ sidebar, banner, children }: { sidebar: React.ReactNode; banner?: React.ReactNode; children: React.ReactNode }) {
  const pathname = usePathname();
  // The menu is open on the page it was opened on: following one of its links closes it.
  const [menuOn, setMenuOn] = useState<string | null>(null);
  const menu = menuOn === pathname;
  const setMenu = useCallback((open: boolean) => setMenuOn(open ? pathname : null), [pathname]);
  const [search, setSearch] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  const openSearch = useCallback(() => {
    setMenuOn(null);
    setSearch(true);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        openSearch();
      } else if (e.key === "Escape" && menu) {
        setMenu(false);
        menuButton.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [menu, openSearch, setMenu]);

  useEffect(() => {
    if (menu) drawer.current?.querySelector<HTMLElement>("a, button")?.focus();
  }, [menu]);

  return (
    <SearchContext.Provider value={openSearch}>
      <div className="relative flex h-dvh overflow-hidden">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:shadow"
        >
          Skip to content
        </a>
        <aside
          ref={drawer}
          id="console-menu"
          aria-label="Console"
          className={cn(
            "z-40 flex w-64 shrink-0 flex-col border-r border-ink-800 bg-ink-900 text-ink-300 lg:static lg:w-56 lg:translate-x-0",
            "max-lg:fixed max-lg:inset-y-0 max-lg:left-0 max-lg:shadow-xl max-lg:transition-[translate,visibility] max-lg:duration-200 motion-reduce:transition-none",
            menu ? "max-lg:translate-x-0" : "max-lg:invisible max-lg:-translate-x-full",
          )}
        >
          {sidebar}
        </aside>
        {menu ? <div className="fixed inset-0 z-30 bg-ink-950/50 lg:hidden" aria-hidden="true" onClick={() => setMenu(false)} /> : null}
        <div className="flex min-w-0 flex-1 flex-col" inert={menu || undefined}>
          <header className="flex h-12 shrink-0 items-center gap-2 border-b border-ink-800 bg-ink-900 px-2 text-ink-100 lg:hidden">
            <button
              ref={menuButton}
              type="button"
              aria-expanded={menu}
              aria-controls="console-menu"
              onClick={() => setMenu(true)}
              className="flex h-9 items-center gap-2 rounded-md px-2.5 text-sm font-medium outline-none hover:bg-ink-800 focus-visible:ring-2 focus-visible:ring-accent-500"
            >
              <MenuIcon className="size-5" />
              Menu
            </button>
            <span className="flex items-center gap-2">
              <LogoMark className="size-5 text-accent-600" />
              <span className="text-[15px] font-semibold tracking-tight text-white">Warden</span>
            </span>
            <button
              type="button"
              onClick={openSearch}
              className="ml-auto flex size-9 items-center justify-center rounded-md outline-none hover:bg-ink-800 focus-visible:ring-2 focus-visible:ring-accent-500"
            >
              <SearchIcon className="size-5" />
              <span className="sr-only">Search</span>
            </button>
          </header>
          <main id="content" className="relative min-w-0 flex-1 overflow-y-auto">
            {banner}
            <div className="mx-auto max-w-6xl px-4 py-5 sm:px-6 lg:px-8 lg:py-7">{children}</div>
          </main>
        </div>
      </div>
      <SearchDialog open={search} onClose={() => setSearch(false)} />
    </SearchContext.Provider>
  );
}
