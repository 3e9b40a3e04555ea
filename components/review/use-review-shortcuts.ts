"use client";

import type { ReviewCopy } from "./review-copy";
import { useShortcuts, type Shortcut } from "./shortcuts";

/**
 * The action page's keys: j / k through the queue, a / e / r for the decision, ? for help.
 * Keys are bound only where they can work: the decision keys only for someone who may decide
 * this item, so a viewer's a / e / r do nothing at all. Returns what the help dialog lists.
 */
export function useReviewShortcuts({
  queue,
  decision,
  help,
}: {
  queue: { next: () => void; previous: () => void } | null;
  decision: { copy: ReviewCopy; accept: () => void; edit: () => void; refuse: () => void } | null;
  help: () => void;
}): Shortcut[] {
  useShortcuts({
    j: queue?.next,
    k: queue?.previous,
    a: decision?.accept,
    e: decision?.edit,
    r: decision?.refuse,
    "?": help,
  });
  const list: Shortcut[] = [];
  if (queue) list.push({ keys: ["j"], label: "Next item in the queue" }, { keys: ["k"], label: "Previous item in the queue" });
  if (decision) {
    list.push(
      { keys: ["a"], label: decision.copy.accept },
      { keys: ["e"], label: `${decision.copy.edit} (opens the editor)` },
      { keys: ["r"], label: `${decision.copy.refuse} (asks for a reason)` },
    );
  }
  list.push({ keys: ["?"], label: "Show these shortcuts" }, { keys: ["Esc"], label: "Close a dialog" });
  return list;
}
