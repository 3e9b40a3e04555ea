"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { QueuePage } from "@/lib/review/schemas";
import { api } from "../api";
import { filtersFrom, filtersQuery, queueApiPath, type QueueFilters, type QueueKind } from "./queue-params";

/** Seconds between refreshes of the list and its total. */
const REFRESH_MS = 5_000;

/**
 * A queue as the list shows it: pages for the URL's filters, refreshed every few seconds, and
 * the keyboard's selected row (kept in place when its item leaves the queue).
 */
export function useQueueList(kind: QueueKind, initial: QueuePage, initialFilters: QueueFilters) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFrom(searchParams), [searchParams]);
  const qs = filtersQuery(filters);

  const query = useInfiniteQuery({
    queryKey: ["queue", kind, qs],
    queryFn: ({ pageParam }) => api<QueuePage>(queueApiPath(kind, filters, { cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // The server rendered the first page for the URL it was given; later filter changes fetch.
    initialData: qs === filtersQuery(initialFilters) ? { pages: [initial], pageParams: [null] } : undefined,
    refetchInterval: REFRESH_MS,
    staleTime: 2_000,
    placeholderData: keepPreviousData,
  });

  const items = useMemo(() => {
    // Pages fetched at different moments can overlap by an item; show each once.
    const seen = new Set<string>();
    return (query.data?.pages ?? []).flatMap((p) => p.items).filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
  }, [query.data]);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  const selectedIndex = selectedId ? items.findIndex((i) => i.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) lastIndex.current = selectedIndex;
  }, [selectedIndex]);

  // When the selected item leaves the queue (decided elsewhere), keep the selection in place.
  useEffect(() => {
    if (selectedId && selectedIndex === -1 && items.length > 0) setSelectedId(items[Math.min(lastIndex.current, items.length - 1)]!.id);
  }, [selectedId, selectedIndex, items]);

  const rowLinks = useRef(new Map<string, HTMLAnchorElement>());
  const select = useCallback((id: string) => {
    setSelectedId(id);
    const link = rowLinks.current.get(id);
    link?.focus({ preventScroll: true });
    link?.closest("tr")?.scrollIntoView({ block: "nearest" });
  }, []);
  const registerRow = useCallback((id: string, el: HTMLAnchorElement | null) => {
    if (el) rowLinks.current.set(id, el);
    else rowLinks.current.delete(id);
  }, []);

  const move = (delta: 1 | -1) => {
    if (items.length === 0) return;
    if (selectedIndex === -1) return select(items[delta === 1 ? 0 : items.length - 1]!.id);
    const next = selectedIndex + delta;
    if (next >= items.length) {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
      return;
    }
    select(items[Math.max(0, next)]!.id);
  };

  const setFilters = (next: QueueFilters) => {
    setSelectedId(null);
    // history.replaceState keeps this a client-side change: no server round trip per filter.
    window.history.replaceState(null, "", `${pathname}${filtersQuery(next)}`);
  };

  return {
    filters,
    query,
    items,
    total: query.data?.pages[0]?.total ?? 0,
    selectedId,
    selected: selectedIndex >= 0 ? items[selectedIndex]! : null,
    setSelectedId,
    registerRow,
    move,
    setFilters,
    firstLoad: query.isPending || (query.isPlaceholderData && query.isFetching),
  };
}
