"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { QueueItem, QueuePage } from "@/lib/review/schemas";
import { errorMessage } from "../api";
import { formatCount } from "../format";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { EmptyState } from "../ui/empty-state";
import { Spinner } from "../ui/spinner";
import { useNow } from "./clock";
import { FlashMessage, ResultAlert } from "./flash-message";
import { BulkApproveDialog, BulkBar, BulkRejectDialog } from "./queue-bulk";
import { QueueFilterBar, type FilterOptions } from "./queue-filters";
import { actionHref, hasFilters, type QueueFilters, type QueueKind } from "./queue-params";
import { QueueTable } from "./queue-table";
import { ReasonDialog } from "./reason-dialog";
import { REVIEW_COPY } from "./review-copy";
import { Kbd, ShortcutsHelp, useShortcuts, type Shortcut } from "./shortcuts";
import { useQueueDecisions } from "./use-queue-decisions";
import { useQueueList } from "./use-queue-list";
import { useRowSelection } from "./use-row-selection";

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

export type QueueViewer = {
  /** How the server names this person in claims (name, else e-mail). */
  me: string;
  id: string;
  canDecide: boolean;
  isManager: boolean;
};

export function QueueView({
  kind,
  initial,
  initialFilters,
  options,
  viewer,
}: {
  kind: QueueKind;
  initial: QueuePage;
  initialFilters: QueueFilters;
  options: FilterOptions;
  viewer: QueueViewer;
}) {
  const router = useRouter();
  const copy = COPY[kind];
  const review = REVIEW_COPY[kind];
  const now = useNow();
  const list = useQueueList(kind, initial, initialFilters);
  const decisions = useQueueDecisions({ kind, me: viewer.me, meId: viewer.id, isManager: viewer.isManager });
  // Bulk decisions are for approvals: a draft's outcome is what one person did, item by item.
  const bulkAllowed = viewer.canDecide && kind === "approval";
  const rows = useRowSelection(list.items);
  const ticked = list.items.filter((i) => rows.checked.has(i.id));
  const plan = decisions.approvable(ticked);

  const [dialog, setDialog] = useState<"help" | "refuse" | "bulk-approve" | "bulk-reject" | null>(null);
  const [refusing, setRefusing] = useState<QueueItem | null>(null);
  const decideKeys = viewer.canDecide ? { a: () => list.selected && decisions.accept(list.selected), r: () => openRefuse(list.selected) } : {};
  const openRefuse = (item: QueueItem | null) => {
    if (!item || decisions.explainIfBlocked(item)) return;
    decisions.single.reset();
    setRefusing(item);
    setDialog("refuse");
  };
  useShortcuts({
    j: () => list.move(1),
    k: () => list.move(-1),
    Enter: () => list.selectedId && router.push(actionHref(list.selectedId, list.filters)),
    x: bulkAllowed ? () => list.selected && rows.toggle(list.selected.id) : undefined,
    ...decideKeys,
    "?": () => setDialog("help"),
  });
  const shortcuts: Shortcut[] = [
    { keys: ["j"], label: "Select the next item" },
    { keys: ["k"], label: "Select the previous item" },
    { keys: ["Enter"], label: "Open the selected item" },
    ...(viewer.canDecide ? [{ keys: ["a"], label: `${review.accept}: the selected item` }, { keys: ["r"], label: `${review.refuse}: the selected item (asks for a reason)` }] : []),
    ...(bulkAllowed ? [{ keys: ["x"], label: "Tick the selected item for a bulk decision" }] : []),
    { keys: ["?"], label: "Show these shortcuts" },
  ];
  const closeDialog = () => setDialog(null);
  const { query, items, total, filters } = list;

  return (
    <>
      {decisions.result ? (
        decisions.result.tone === "error" ? (
          <Alert className="mb-4">{decisions.result.message}</Alert>
        ) : (
          <ResultAlert flash={decisions.result} className="mb-4" />
        )
      ) : (
        <FlashMessage className="mb-4" />
      )}
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
            {query.isFetching || decisions.single.isPending ? <Spinner className="size-3.5 text-zinc-500" /> : null}
          </div>
          <div className="flex items-center gap-3">
            {query.isError && query.data ? (
              <span role="status" className="text-xs text-amber-800">
                Couldn&apos;t refresh: {errorMessage(query.error)}
              </span>
            ) : (
              <span className="hidden text-xs text-zinc-600 sm:inline">Updates every few seconds</span>
            )}
            <Button size="sm" variant="ghost" onClick={() => setDialog("help")} aria-keyshortcuts="?" className="max-sm:hidden">
              Shortcuts <Kbd decorative>?</Kbd>
            </Button>
          </div>
        </div>
        <QueueFilterBar filters={filters} options={options} onChange={list.setFilters} />
        {bulkAllowed && ticked.length > 0 ? (
          <BulkBar
            count={ticked.length}
            approvable={plan.ok.length}
            onApprove={() => (decisions.bulk.reset(), setDialog("bulk-approve"))}
            onReject={() => (decisions.bulk.reset(), setDialog("bulk-reject"))}
            onClear={rows.clear}
          />
        ) : null}
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
          list.firstLoad ? (
            <div className="flex items-center justify-center gap-2 px-6 py-12 text-[13px] text-zinc-600">
              <Spinner /> Loading…
            </div>
          ) : hasFilters(filters) ? (
            <EmptyState
              title={filters.q ? `No pending ${copy.noun} match “${filters.q}”` : `No pending ${copy.noun} match these filters`}
              description="Clear the search and filters to see everything that is waiting."
              action={
                <Button variant="secondary" onClick={() => list.setFilters({ sort: filters.sort })}>
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
              selectedId={list.selectedId}
              onSelect={list.setSelectedId}
              onOpen={(id) => router.push(actionHref(id, filters))}
              registerRow={list.registerRow}
              now={now}
              me={viewer.me}
              label={copy.title}
              selection={bulkAllowed ? rows : null}
            />
            <div className="flex items-center justify-between gap-3 border-t border-zinc-200 px-4 py-2.5 text-xs text-zinc-600">
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
      <ShortcutsHelp open={dialog === "help"} onClose={closeDialog} shortcuts={shortcuts} />
      {viewer.canDecide ? (
        <ReasonDialog
          open={dialog === "refuse"}
          onClose={closeDialog}
          copy={{ ...review.reason, description: refusing ? `${refusing.type} from ${refusing.agentName}. ${review.reason.description}` : review.reason.description }}
          pending={decisions.single.isPending}
          error={dialog === "refuse" ? decisions.single.error : null}
          onConfirm={(reason) => refusing && decisions.refuse(refusing, reason, closeDialog)}
        />
      ) : null}
      {bulkAllowed ? (
        <>
          <BulkApproveDialog
            plan={plan}
            open={dialog === "bulk-approve"}
            pending={decisions.bulk.isPending}
            error={decisions.bulk.error}
            onClose={closeDialog}
            onConfirm={() => decisions.bulk.mutate({ decision: "approve", ids: plan.ok.map((i) => i.id) }, { onSuccess: () => (rows.clear(), closeDialog()) })}
          />
          <BulkRejectDialog
            items={ticked}
            open={dialog === "bulk-reject"}
            pending={decisions.bulk.isPending}
            error={decisions.bulk.error}
            onClose={closeDialog}
            onConfirm={(reason) => decisions.bulk.mutate({ decision: "reject", ids: ticked.map((i) => i.id), reason }, { onSuccess: () => (rows.clear(), closeDialog()) })}
          />
        </>
      ) : null}
    </>
  );
}
