"use client";

import { useMemo, useState } from "react";
import type { RowSelection } from "./queue-table";

/**
 * The rows ticked for a bulk decision. Items that left the list (decided elsewhere) drop out of
 * the selection on their own, so a bulk decision never names something no longer shown.
 */
export function useRowSelection(items: { id: string }[]): RowSelection & { clear: () => void } {
  const [ticked, setTicked] = useState<Set<string>>(() => new Set());
  const checked = useMemo(() => new Set(items.filter((i) => ticked.has(i.id)).map((i) => i.id)), [items, ticked]);
  return {
    checked,
    toggle: (id) =>
      setTicked((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    toggleAll: (ids, on) => setTicked(on ? new Set(ids) : new Set()),
    clear: () => setTicked(new Set()),
  };
}
