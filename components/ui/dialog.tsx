"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "./button";
import { cn } from "./cn";

/**
 * A modal built on the native <dialog>: focus is trapped and returned by the browser, Escape
 * closes it, and the page behind is inert.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  width = "max-w-md",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  width?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself. (No onClose on the native
        // "close" event: closing because `open` turned false must not call back into the parent.)
        if (e.target === ref.current) onClose();
      }}
      className={`m-auto text-left w-[calc(100%-2rem)] ${width} rounded-lg border border-zinc-200 bg-surface p-0 text-sm text-zinc-900 shadow-xl backdrop:bg-ink-950/50`}
    >
      {open ? (
        <div className="px-5 py-4">
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          {description ? (
            <div id={descId} className="mt-1 text-[13px] text-zinc-600">
              {description}
            </div>
          ) : null}
          <div className="mt-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

/** A dialog's form: our field errors instead of the browser's, and submitting stays on the page. */
export function DialogForm({ onSubmit, children }: { onSubmit: () => void; children: React.ReactNode }) {
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/**
 * A dialog form's footer: Cancel, then the submit button. While `pending` the submit button
 * spins and Cancel is disabled too, unless `cancelDisabled` says otherwise.
 */
export function DialogActions({
  confirm,
  onCancel,
  pending,
  cancelDisabled = pending,
  variant = "primary",
  flush = false,
}: {
  confirm: string;
  onCancel: () => void;
  pending: boolean;
  cancelDisabled?: boolean;
  variant?: "primary" | "danger";
  /** Leaves out the small gap above the buttons. */
  flush?: boolean;
}) {
  return (
    <div className={cn("flex justify-end gap-2", !flush && "pt-1")}>
      <Button variant="ghost" disabled={cancelDisabled} onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} pending={pending}>
        {confirm}
      </Button>
    </div>
  );
}
