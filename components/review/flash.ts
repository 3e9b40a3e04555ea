"use client";

// The outcome of the last decision, shown on whatever page the reviewer lands on next (the
// next item, or the list). Module state: it survives client-side navigation, not a reload.
export type Flash = { message: string; tone: "success" | "info" };

let pending: Flash | null = null;

export function setFlash(f: Flash): void {
  pending = f;
}

/** Returns the flash once, then forgets it. */
export function takeFlash(): Flash | null {
  const f = pending;
  pending = null;
  return f;
}
