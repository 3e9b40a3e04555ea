"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { diffPayload } from "@/lib/actions/payload-diff";
import type { ActionDetail } from "@/lib/review/get-action-detail";
import { ApiError, api } from "../api";
import { humanizeTimes } from "./clock";
import { setFlash } from "./flash";
import { actionHref, nextAfterDecision, type QueueFilters, type QueueKind } from "./queue-params";

type JsonObject = Record<string, unknown>;

/** What a reviewer decides: an approval's verdict, or what was done with a draft. */
export type Verdict =
  | { kind: "approve"; payload?: JsonObject }
  | { kind: "reject"; reason: string }
  | { kind: "as_proposed" }
  | { kind: "with_changes"; payload: JsonObject }
  | { kind: "discarded"; reason: string };

function resultMessage(a: ActionDetail, v: Verdict): string {
  const what = `${a.type.key} from ${a.agent.name}`;
  const n = "payload" in v && v.payload ? diffPayload(a.proposedPayload, v.payload).length : 0;
  const changes = `${n} ${n === 1 ? "change" : "changes"}`;
  switch (v.kind) {
    case "approve":
      return n > 0 ? `Approved ${what} with ${changes}.` : `Approved ${what}.`;
    case "reject":
      return `Rejected ${what}.`;
    case "as_proposed":
      return `Recorded ${what} as executed as proposed.`;
    case "with_changes":
      return `Recorded ${what} as executed with ${changes}.`;
    case "discarded":
      return `Discarded ${what}.`;
  }
}

/** Sends one verdict on one item to the console API. */
export function sendVerdict(id: string, v: Verdict): Promise<unknown> {
  const base = `/api/console/actions/${encodeURIComponent(id)}`;
  switch (v.kind) {
    case "approve":
      return api(`${base}/decision`, { body: { decision: "approve", ...(v.payload ? { payload: v.payload } : {}) } });
    case "reject":
      return api(`${base}/decision`, { body: { decision: "reject", reason: v.reason } });
    case "as_proposed":
      return api(`${base}/draft-outcome`, { body: { outcome: "as_proposed" } });
    case "with_changes":
      return api(`${base}/draft-outcome`, { body: { outcome: "with_changes", payload: v.payload } });
    case "discarded":
      return api(`${base}/draft-outcome`, { body: { outcome: "discarded", reason: v.reason } });
  }
}

/**
 * Sends a decision, then opens the next item (one nobody else has open, if any) or the list.
 * A 409 — someone else decided first, or holds the claim — becomes `conflict`, in the server's words.
 */
export function useDecision({
  a,
  kind,
  filters,
  me,
  listHref,
  open,
  onDecided,
  onConflict,
}: {
  a: ActionDetail;
  kind: QueueKind | null;
  filters: QueueFilters;
  /** How the server names this reviewer in claims. */
  me: string;
  listHref: string;
  open: (href: string) => void;
  onDecided: () => void;
  onConflict: () => void;
}) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (v: Verdict) => {
      await sendVerdict(a.id, v);
      // The decision stands even if this lookup fails.
      const next = kind ? await nextAfterDecision(kind, filters, a, (i) => i.claimedBy === null || i.claimedBy === me).catch(() => null) : null;
      return { v, next };
    },
    onMutate: () => setConflict(null),
    onSuccess: ({ v, next }) => {
      setFlash({ tone: "success", message: `${resultMessage(a, v)}${next ? "" : " Nothing else is waiting."}`, href: `/actions/${a.id}`, linkLabel: "View the decided action" });
      onDecided();
      for (const queryKey of [["queue"], ["pending-count"], ["action", a.id]]) void queryClient.invalidateQueries({ queryKey });
      open(next ? actionHref(next.id, filters) : listHref);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(humanizeTimes(err.message));
        void queryClient.invalidateQueries({ queryKey: ["action", a.id] });
        onConflict();
      }
    },
  });
  return {
    decide: (v: Verdict) => mutation.mutate(v),
    /** The request is on its way. */
    sending: mutation.isPending,
    /** Decided: the next page is opening. */
    saved: mutation.isSuccess,
    /** The last failure (shown in the dialog it came from, or under the card). */
    error: mutation.error,
    conflict,
    reset: () => mutation.reset(),
  };
}
