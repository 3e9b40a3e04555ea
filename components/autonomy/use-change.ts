"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { AutonomyChangeView } from "@/lib/autonomy/schemas";
import { ApiError, api } from "../api";
import { sentence } from "../text";

/**
 * A level change through a console endpoint. On success the page's server data is refreshed
 * and `onDone` runs once the refreshed board is in (so a dialog closes onto the new state).
 */
export function useAutonomyChange<B>(path: string, onDone: (change: AutonomyChangeView) => void) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const mutation = useMutation({
    mutationFn: (body: B) => api<AutonomyChangeView>(path, { body }),
    onSuccess: (change) =>
      startTransition(() => {
        router.refresh();
        onDone(change);
      }),
  });
  return { mutation, busy: mutation.isPending || refreshing };
}

export type Change<B> = ReturnType<typeof useAutonomyChange<B>>;

/** Server field errors as sentences, keyed by field; empty for other failures. */
export function serverFieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(err.byField).map(([k, v]) => [k, sentence(v)]));
}

/** A change dialog's close: refused while the change is in flight, and it forgets the last error. */
export function closeUnlessBusy(change: { busy: boolean; mutation: { reset: () => void } }, onClose: () => void): () => void {
  return () => {
    if (change.busy) return;
    change.mutation.reset();
    onClose();
  };
}
