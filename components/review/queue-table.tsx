"use client";

import Link from "next/link";
import type { QueueItem } from "@/lib/review/schemas";
import { Badge } from "../ui/badge";
import { cn } from "../ui/cn";
import { TBody, THead, Table, Td, Th } from "../ui/table";
import { Time } from "../ui/time";
import { formatClock } from "./clock";
import { actionHref, type QueueFilters, type QueueKind } from "./queue-params";
import { RiskBadge } from "./risk-badge";
import { formatConfidence, routeNote } from "./route-note";
import { Sla } from "./sla";

/** Row checkboxes for bulk decisions: which rows are ticked, and how to tick them. */
export type RowSelection = {
  checked: Set<string>;
  toggle: (id: string) => void;
  toggleAll: (ids: string[], on: boolean) => void;
};

/**
 * The queue's rows: what the agent wants and why (its rationale and subject), who asked, the
 * risk, how long it has waited and who has it open. Below 768 px the row folds into its first
 * cell, so a phone shows the same facts without a horizontal scroll.
 */
export function QueueTable({
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
  selection,
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
  /** Present when the viewer may decide in bulk. */
  selection: RowSelection | null;
}) {
  const allChecked = selection !== null && items.length > 0 && items.every((i) => selection.checked.has(i.id));
  return (
    <Table label={label} className="table-fixed">
      <THead>
        <tr>
          {selection ? (
            <Th className="w-10 pr-0">
              <input
                type="checkbox"
                aria-label="Select every item shown"
                className="size-4 rounded accent-accent-600"
                checked={allChecked}
                onChange={(e) => selection.toggleAll(items.map((i) => i.id), e.target.checked)}
              />
            </Th>
          ) : null}
          <Th className="md:w-[40%]">Action</Th>
          <Th className="hidden w-[13%] md:table-cell">Agent</Th>
          <Th className="hidden w-[9%] lg:table-cell">Risk</Th>
          <Th className="hidden w-[8%] text-right lg:table-cell">Confidence</Th>
          <Th className="hidden w-[10%] md:table-cell">Waiting</Th>
          {kind === "approval" ? <Th className="hidden w-[11%] md:table-cell">Time left</Th> : null}
          <Th className="hidden w-[10%] md:table-cell">Claimed by</Th>
        </tr>
      </THead>
      <TBody>
        {items.map((item) => (
          <QueueRow
            key={item.id}
            kind={kind}
            item={item}
            filters={filters}
            selected={item.id === selectedId}
            onSelect={onSelect}
            onOpen={onOpen}
            registerRow={registerRow}
            now={now}
            me={me}
            selection={selection}
          />
        ))}
      </TBody>
    </Table>
  );
}

function QueueRow({
  kind,
  item,
  filters,
  selected,
  onSelect,
  onOpen,
  registerRow,
  now,
  me,
  selection,
}: {
  kind: QueueKind;
  item: QueueItem;
  filters: QueueFilters;
  selected: boolean;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  registerRow: (id: string, el: HTMLAnchorElement | null) => void;
  now: number;
  me: string;
  selection: RowSelection | null;
}) {
  const note = routeNote(item.reason);
  const claimedByMe = item.claimedBy !== null && item.claimedBy === me;
  const claim = item.claimedBy ? (
    <span title={item.claimExpiresAt ? `Open until ${formatClock(item.claimExpiresAt)}` : undefined} className={claimedByMe ? "text-accent-700" : "text-zinc-700"}>
      {claimedByMe ? "You" : item.claimedBy}
    </span>
  ) : null;
  return (
    <tr
      aria-selected={selected}
      data-testid="queue-row"
      data-action-id={item.id}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest("a, input, label")) return;
        onSelect(item.id);
        onOpen(item.id);
      }}
      className={cn("cursor-pointer transition-colors", selected ? "bg-accent-50 shadow-[inset_3px_0_0_var(--color-accent-600)]" : "hover:bg-zinc-50/70")}
    >
      {selection ? (
        <Td className="pr-0 align-top">
          <input
            type="checkbox"
            aria-label={`Select ${item.type}${item.subject ? ` for ${item.subject}` : ""}`}
            className="mt-1 size-4 rounded accent-accent-600"
            checked={selection.checked.has(item.id)}
            onChange={() => selection.toggle(item.id)}
          />
        </Td>
      ) : null}
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
          {item.subject ? (
            <span className="min-w-0 truncate font-mono text-xs text-zinc-600" title={`Subject: ${item.subject}`}>
              {item.subject}
            </span>
          ) : null}
          {item.blocked && !note ? <Badge tone="amber">Blocked type</Badge> : null}
        </div>
        {item.rationale ? (
          <p className="mt-0.5 line-clamp-2 text-[12.5px] leading-snug text-zinc-700" title={item.rationale} data-testid="queue-rationale">
            {item.rationale}
          </p>
        ) : null}
        {item.preview ? (
          <p className="mt-0.5 truncate text-xs text-zinc-600" title={item.preview} data-testid="queue-payload">
            {item.preview}
          </p>
        ) : null}
        {note ? (
          <p className="mt-0.5 truncate text-xs text-amber-800" title={item.reason}>
            {note}
          </p>
        ) : null}
        {/* The columns hidden on a narrow screen, as one line. */}
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600 md:hidden">
          <span>{item.agentName}</span>
          <RiskBadge risk={item.riskLabel} />
          <span>
            <Time iso={item.createdAt} relative />
          </span>
          {kind === "approval" ? <Sla dueAt={item.dueAt} escalatedAt={item.escalatedAt} now={now} /> : null}
          {claim ? <span>Open: {claim}</span> : null}
        </p>
      </Td>
      <Td className="hidden truncate md:table-cell" title={item.agentName}>
        {item.agentName}
      </Td>
      <Td className="hidden lg:table-cell">
        <RiskBadge risk={item.riskLabel} />
      </Td>
      <Td className="hidden text-right tabular-nums lg:table-cell">{formatConfidence(item.confidence)}</Td>
      <Td className="hidden md:table-cell">
        <Time iso={item.createdAt} relative />
      </Td>
      {kind === "approval" ? (
        <Td className="hidden md:table-cell">
          <Sla dueAt={item.dueAt} escalatedAt={item.escalatedAt} now={now} />
        </Td>
      ) : null}
      <Td className="hidden truncate md:table-cell">{claim ?? <span className="text-zinc-500">—</span>}</Td>
    </tr>
  );
}
