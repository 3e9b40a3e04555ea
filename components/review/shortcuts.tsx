"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";

export type Shortcut = { keys: string[]; label: string };

/** Where keyboard shortcuts must not fire: typing, choosing, or any modal being open. */
function ignored(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || e.isComposing) return true;
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || t.closest("input, textarea, select, [contenteditable='true']"))) return true;
  return document.querySelector("dialog[open]") !== null;
}

/**
 * Single-key shortcuts for reviewers (j, k, a, e, r, ?). Handlers are read through a ref so the
 * listener is attached once, and always calls the latest closure.
 */
export function useShortcuts(handlers: Record<string, (() => void) | undefined>, enabled = true) {
  const ref = useRef(handlers);
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      // Enter on a link or button already does what it says; only a bare Enter opens the selection.
      if (e.key === "Enter" && (e.target as HTMLElement | null)?.closest("a, button")) return;
      const fn = ref.current[e.key];
      if (!fn) return;
      e.preventDefault();
      fn();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}

/** A key cap. Inside a button it is decoration (aria-hidden): the button names its shortcut with aria-keyshortcuts. */
export function Kbd({ children, className, decorative }: { children: React.ReactNode; className?: string; decorative?: boolean }) {
  return (
    <kbd
      aria-hidden={decorative || undefined}
      className={
        // A key cap on a button means nothing on a phone, which has no keyboard to press it.
        (decorative ? "max-sm:hidden " : "") +
        "inline-flex h-[18px] min-w-[18px] items-center justify-center rounded border border-zinc-300 bg-zinc-50 px-1 font-mono text-[11px] leading-none font-medium text-zinc-600 shadow-[inset_0_-1px_0_var(--color-zinc-300)] " +
        (className ?? "")
      }
    >
      {children}
    </kbd>
  );
}

/** The "?" dialog: every shortcut that works on this page. */
export function ShortcutsHelp({ open, onClose, shortcuts }: { open: boolean; onClose: () => void; shortcuts: Shortcut[] }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" description="They work anywhere on this page except while you are typing in a field.">
      <dl className="divide-y divide-zinc-100 rounded-md border border-zinc-200" data-testid="shortcuts-help">
        {shortcuts.map((s) => (
          <div key={s.label} className="flex items-center justify-between gap-4 px-3 py-2">
            <dt className="text-[13px] text-zinc-700">{s.label}</dt>
            <dd className="flex shrink-0 items-center gap-1">
              {s.keys.map((k, i) => (
                <span key={k} className="flex items-center gap-1">
                  {i > 0 ? <span className="text-xs text-zinc-500">or</span> : null}
                  <Kbd>{k}</Kbd>
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose} autoFocus>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
