"use client";

// The outcome of the last decision, shown on whatever page the reviewer lands on next (the
// next item, or the list). Module state: it survives client-side navigation, not a reload.
export type Flash = {
  id: number;
  message: string;
  tone: "success" | "info";
  /** Where the decided item can be seen again (it has left the queue). */
  href?: string;
  linkLabel?: string;
};

let pending: Flash | null = null;
let nextId = 1;

export function setFlash(f: Omit<Flash, "id">): void {
  pending = { ...f, id: nextId++ };
}

/** The flash waiting to be shown, without taking it (safe to call while rendering). */
export function peekFlash(): Flash | null {
  return pending;
}

/** Marks a flash as shown, so the page after this one does not show it again. */
export function consumeFlash(id: number): void {
  if (pending?.id === id) pending = null;
}
