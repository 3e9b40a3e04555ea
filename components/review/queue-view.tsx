"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { QueueItem, QueuePage } from "@/lib/review/schemas";
import { api, errorMessage } from "../api";
import { formatCount } from "../format";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { EmptyState } from "../ui/empty-state";
import { Spinner } from "../ui/spinner";
import { TBody, THead, Table, Td, Th } from "../ui/table";
import { Time } from "../ui/time";
import { formatClock, useNow } from "./clock";
import { FlashMessage } from "./flash-message";
import { QueueFilterBar, type FilterOptions } from "./queue-filters";
import { actionHref, filtersFrom, filtersQuery, hasFilters, queueApiPath, type QueueFilters, type QueueKind } from "./queue-params";
import { RiskBadge } from "./risk-badge";
import { formatConfidence, routeNote } from "./route-note";
import { Kbd, ShortcutsHelp, useShortcuts, type Shortcut } from "./shortcuts";
import { Sla } from "./sla";

const COPY: Record<QueueKind, { title: string; noun: string; empty: string; emptyHint: string }> = {
  approval: {
    title: "Pending approvals",
    noun: "approvals",
    empty: "Nothing is waiting for approval",
    emptyHint: "When an agent asks for a level-2 action, or the policy raises one to a person, it waits here until someone decides.",
  },
  draft: {
    title: "Pending drafts",
    noun: "drafts",
    empty: "No draft is waiting",
    emptyHint: "Level-3 action types only propose. Their recommendations wait here until a person records what they actually did.",
  },
};

const SHORTCUTS: Shortcut[] = [
  { keys: ["j"], label: "Select the next item" },
  { keys: ["k"], label: "Select the previous item" },
  { keys: ["Enter"], label: "Open the selected item" },
  { keys: ["?"], label: "Show these shortcuts" },
];

/** Seconds between refreshes of the list and its total. */
const REFRESH_MS = 5_000;

export function QueueView({
  kind,
  initial,
  initialFilters,
  options,
  me,
}: {
  kind: QueueKind;
  initial: QueuePage;
  initialFilters: QueueFilters;
  options: FilterOptions;
  /** How the server names this reviewer in claims (name, else e-mail). */
  me: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFrom(searchParams), [searchParams]);
  const qs = filtersQuery(filters);
  const copy = COPY[kind];
  const now = useNow();

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
  const total = query.data?.pages[0]?.total ?? 0;

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

  const [help, setHelp] = useState(false);
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => {
      if (selectedId) router.push(actionHref(selectedId, filters));
    },
    "?": () => setHelp(true),
  });

  const setFilters = (next: QueueFilters) => {
    setSelectedId(null);
    // history.replaceState keeps this a client-side change: no server round trip per filter.
    window.history.replaceState(null, "", `${pathname}${filtersQuery(next)}`);
  };

  const firstLoad = query.isPending || (query.isPlaceholderData && query.isFetching);

  return (
    <>
      <FlashMessage className="mb-4" />
      <Card aria-labelledby="queue-title">
        <div className="flex items-center justify-between gap-4 border-b border-zinc-200 px-4 py-3">
          <div className="flex min-w-0 items-center gap-2.5">
            <h2 id="queue-title" className="text-sm font-semibold text-zinc-900">
              {copy.title}
            </h2>
            <Badge tone={total > 0 ? "accent" : "neutral"}>
              <span data-testid="queue-total" aria-live="polite" aria-atomic="true">
                {formatCount(total)} pending
              </span>
            </Badge>
            {query.isFetching ? <Spinner className="size-3.5 text-zinc-400" /> : null}
          </div>
          <div className="flex items-center gap-3">
            {query.isError && query.data ? (
              <span role="status" className="text-xs text-amber-700">
                Couldn&apos;t refresh: {errorMessage(query.error)}
              </span>
            ) : (
              <span className="hidden text-xs text-zinc-500 sm:inline">Updates every few seconds</span>
            )}
            <Button size="sm" variant="ghost" onClick={() => setHelp(true)} aria-keyshortcuts="?">
              Shortcuts <Kbd decorative>?</Kbd>
            </Button>
          </div>
        </div>
        <QueueFilterBar filters={filters} options={options} onChange={setFilters} />
        {query.isError && !query.data ? (
          <div className="px-4 py-4">
            <Alert title={`The ${copy.noun} could not be loaded`}>
              {errorMessage(query.error)}{" "}
              <button type="button" className="font-medium underline underline-offset-2" onClick={() => void query.refetch()}>
                Try again
              </button>
            </Alert>
          </div>
        ) : items.length === 0 ? (
          firstLoad ? (
            <div className="flex items-center justify-center gap-2 px-6 py-12 text-[13px] text-zinc-500">
              <Spinner /> Loading…
            </div>
          ) : hasFilters(filters) ? (
            <EmptyState
              title={`No pending ${copy.noun} match these filters`}
              description={`There ${total === 1 ? "is" : "are"} none for this combination. Clear the filters to see everything that is waiting.`}
              action={
                <Button variant="secondary" onClick={() => setFilters({ sort: filters.sort })}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState title={copy.empty} description={copy.emptyHint} />
          )
        ) : (
          <div className={cn(query.isPlaceholderData && "opacity-60 transition-opacity")}>
            <QueueTable
              kind={kind}
              items={items}
              filters={filters}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onOpen={(id) => router.push(actionHref(id, filters))}
              registerRow={registerRow}
              now={now}
              me={me}
              label={copy.title}
            />
            <div className="flex items-center justify-between gap-3 border-t border-zinc-200 px-4 py-2.5 text-xs text-zinc-500">
              <span>
                Showing {formatCount(items.length)} of {formatCount(total)}
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
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} shortcuts={SHORTCUTS} />
    </>
  );
}

function QueueTable({
  kind,
  items,
  filters,
  selectedId,
  onSelect,
  onOpen,
  registerRow,
  now,
  me,
  label,
}: {
  kind: QueueKind;
  items: QueueItem[];
  filters: QueueFilters;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  /** Each row's link, so the keyboard can move focus to it. */
  registerRow: (id: string, el: HTMLAnchorElement | null) => void;
  now: number;
  me: string;
  label: string;
}) {
  return (
    <Table label={label} className="table-fixed">
      <THead>
        <tr>
          <Th className="w-[38%]">Action</Th>
          <Th className="w-[14%]">Agent</Th>
          <Th className="w-[9%]">Risk</Th>
          <Th className="w-[8%] text-right">Confidence</Th>
          <Th className="w-[10%]">Waiting</Th>
          {kind === "approval" ? <Th className="w-[11%]">Time left</Th> : null}
          <Th className={kind === "approval" ? "w-[10%]" : "w-[21%]"}>Claimed by</Th>
        </tr>
      </THead>
      <TBody>
        {items.map((item) => {
          const selected = item.id === selectedId;
          const note = routeNote(item.reason);
          const claimedByMe = item.claimedBy !== null && item.claimedBy === me;
          return (
            <tr
              key={item.id}
              aria-selected={selected}
              data-testid="queue-row"
              data-action-id={item.id}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest("a")) return;
                onSelect(item.id);
                onOpen(item.id);
              }}
              className={cn(
                "cursor-pointer transition-colors",
                selected ? "bg-accent-50 shadow-[inset_3px_0_0_var(--color-accent-600)]" : "hover:bg-zinc-50/70",
              )}
            >
              <Td className="py-2">
                <div className="flex min-w-0 items-center gap-2">
                  <Link
                    href={actionHref(item.id, filters)}
                    ref={(el) => registerRow(item.id, el)}
                    onFocus={() => onSelect(item.id)}
                    className="truncate rounded-sm font-medium text-zinc-900 outline-none hover:text-accent-700 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-offset-1"
                  >
                    {item.type}
                  </Link>
                  {item.blocked && !note ? <Badge tone="amber">Blocked type</Badge> : null}
                </div>
                <p className="mt-0.5 truncate font-mono text-[11.5px] text-zinc-500" title={item.preview}>
                  {item.preview}
                </p>
                {note ? (
                  <p className="mt-0.5 truncate text-xs text-amber-700" title={item.reason}>
                    {note}
                  </p>
                ) : null}
              </Td>
              <Td className="truncate" title={item.agentName}>
                {item.agentName}
              </Td>
              <Td>
                <RiskBadge risk={item.riskLabel} />
              </Td>
              <Td className="text-right tabular-nums">{formatConfidence(item.confidence)}</Td>
              <Td>
                <Time iso={item.createdAt} relative />
              </Td>
              {kind === "approval" ? (
                <Td>
                  <Sla dueAt={item.dueAt} escalatedAt={item.escalatedAt} now={now} />
                </Td>
              ) : null}
              <Td className="truncate">
                {item.claimedBy ? (
                  <span title={item.claimExpiresAt ? `Open until ${formatClock(item.claimExpiresAt)}` : undefined} className={claimedByMe ? "text-accent-700" : "text-zinc-700"}>
                    {claimedByMe ? "You" : item.claimedBy}
                  </span>
                ) : (
                  <span className="text-zinc-400">—</span>
                )}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
