"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { ActionListPage } from "@/lib/actions/schemas";
import { api, errorMessage } from "../api";
import { formatCount } from "../format";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { EmptyState } from "../ui/empty-state";
import { Spinner } from "../ui/spinner";
import { ActionFilterBar, type ActionFilterOptions } from "./action-filters";
import { actionFiltersFrom, actionFiltersQuery, actionsApiPath, hasActionFilters, type ActionFilters } from "./action-params";
import { ActionsTable } from "./actions-table";

/** Every action, decided or not: search, filters in the URL, pages loaded on demand. */
export function ActionsView({ initial, initialFilters, options }: { initial: ActionListPage; initialFilters: ActionFilters; options: ActionFilterOptions }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => actionFiltersFrom(searchParams), [searchParams]);
  const qs = actionFiltersQuery(filters);

  const query = useInfiniteQuery({
    queryKey: ["actions", qs],
    queryFn: ({ pageParam }) => api<ActionListPage>(actionsApiPath(filters, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: qs === actionFiltersQuery(initialFilters) ? { pages: [initial], pageParams: [null] } : undefined,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => {
    const seen = new Set<string>();
    return (query.data?.pages ?? []).flatMap((p) => p.items).filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
  }, [query.data]);
  const first = query.data?.pages[0];
  const total = first ? `${formatCount(first.total)}${first.totalCapped ? "+" : ""}` : "…";

  // history.replaceState keeps this a client-side change: no server round trip per filter.
  const setFilters = (next: ActionFilters) => window.history.replaceState(null, "", `${pathname}${actionFiltersQuery(next)}`);
  const firstLoad = query.isPending || (query.isPlaceholderData && query.isFetching);

  return (
    <Card aria-labelledby="actions-title">
      <div className="flex items-center gap-2.5 border-b border-zinc-200 px-4 py-3">
        <h2 id="actions-title" className="text-sm font-semibold text-zinc-900">
          {filters.q ? "Matching actions" : "All actions"}
        </h2>
        <span className="text-xs text-zinc-600 tabular-nums" data-testid="actions-total" aria-live="polite">
          {total}
        </span>
        {query.isFetching ? <Spinner className="size-3.5 text-zinc-500" /> : null}
      </div>
      <ActionFilterBar filters={filters} options={options} onChange={setFilters} />
      {query.isError && !query.data ? (
        <div className="px-4 py-4">
          <Alert title="The actions could not be loaded">
            {errorMessage(query.error)}{" "}
            <button type="button" className="font-medium underline underline-offset-2" onClick={() => void query.refetch()}>
              Try again
            </button>
          </Alert>
        </div>
      ) : items.length === 0 ? (
        firstLoad ? (
          <div className="flex items-center justify-center gap-2 px-6 py-12 text-[13px] text-zinc-600">
            <Spinner /> Loading…
          </div>
        ) : hasActionFilters(filters) ? (
          <EmptyState
            title={filters.q ? `Nothing matches “${filters.q}”` : "No action matches these filters"}
            description="Search takes a whole action id, run id, subject or external id. Clear the filters to see every action."
            action={
              <Button variant="secondary" onClick={() => setFilters({})}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState title="No actions yet" description="Every time an agent asks before acting, the request is listed here with what became of it." />
        )
      ) : (
        <div className={cn(query.isPlaceholderData && "opacity-60 transition-opacity")}>
          <ActionsTable items={items} />
          <div className="flex items-center justify-between gap-3 border-t border-zinc-200 px-4 py-2.5 text-xs text-zinc-600">
            <span>
              Showing {formatCount(items.length)} of {total}
            </span>
            {query.hasNextPage ? (
              <Button size="sm" variant="secondary" pending={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                Load more
              </Button>
            ) : null}
          </div>
        </div>
      )}
    </Card>
  );
}
