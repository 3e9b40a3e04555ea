"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { errorMessage } from "../api";
import { LIST_PATH, actionHref, filtersFrom, filtersQuery, neighbour, type QueueKind } from "./queue-params";

/**
 * Moving between an action page and its queue: the list it came from (with the queue's filters
 * from the URL), the previous / next item, and a transition while the next page loads.
 */
export function useQueueNavigation(kind: QueueKind | null, from: { id: string; createdAt: string }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFrom(searchParams), [searchParams]);
  const [navigating, startNavigation] = useTransition();
  const [note, setNote] = useState<string | null>(null);

  const open = (href: string) => startNavigation(() => router.push(href));
  const go = async (direction: "next" | "previous") => {
    if (!kind) return;
    setNote(null);
    try {
      const n = await neighbour(kind, filters, from, direction);
      if (n) open(actionHref(n.id, filters));
      else setNote(direction === "next" ? "This is the last item in the queue." : "This is the first item in the queue.");
    } catch (err) {
      setNote(errorMessage(err));
    }
  };

  return {
    filters,
    /** The queue this item belongs to, with the filters it was opened under. */
    listHref: `${LIST_PATH[kind ?? "approval"]}${filtersQuery(filters)}`,
    navigating,
    /** Why j / k went nowhere (the end of the queue, or a failed lookup). */
    note,
    open,
    go,
  };
}
