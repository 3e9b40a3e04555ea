"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { notBulkApprovable } from "@/lib/actions/bulk-approvable";
import type { QueueItem } from "@/lib/review/schemas";
import { ApiError, api, errorMessage } from "../api";
import { humanizeTimes } from "./clock";
import type { Flash } from "./flash";
import type { QueueKind } from "./queue-params";
import { sendVerdict, type Verdict } from "./use-decision";

export type QueueResult = Omit<Flash, "id"> | { tone: "error"; message: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Deciding from the list: `a` / `r` on the selected row, and bulk approve / reject of ticked
 * rows (approvals only). Each result is kept for the list to show, with a link to what was
 * decided; the list and the nav counts refresh.
 */
export function useQueueDecisions({ kind, me, meId, isManager }: { kind: QueueKind; me: string; meId: string; isManager: boolean }) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<QueueResult | null>(null);
  const refresh = () => {
    for (const queryKey of [["queue"], ["pending-count"], ["actions"]]) void queryClient.invalidateQueries({ queryKey });
  };
  const fail = (err: unknown) => setResult({ tone: "error", message: humanizeTimes(errorMessage(err)) });

  const single = useMutation({
    mutationFn: async ({ item, verdict }: { item: QueueItem; verdict: Verdict }) => {
      await sendVerdict(item.id, verdict);
      return { item, verdict };
    },
    onMutate: () => setResult(null),
    onSuccess: ({ item, verdict }) => {
      const what = `${item.type} from ${item.agentName}`;
      const message =
        verdict.kind === "approve"
          ? `Approved ${what}.`
          : verdict.kind === "reject"
            ? `Rejected ${what}.`
            : verdict.kind === "discarded"
              ? `Discarded ${what}.`
              : `Recorded ${what} as executed as proposed.`;
      setResult({ tone: "success", message, href: `/actions/${item.id}`, linkLabel: "View the decided action" });
      refresh();
    },
    onError: (err) => {
      fail(err);
      if (err instanceof ApiError && err.status === 409) refresh();
    },
  });

  const bulk = useMutation({
    mutationFn: (body: { decision: "approve"; ids: string[] } | { decision: "reject"; ids: string[]; reason: string }) =>
      api<{ decided: { id: string }[] }>("/api/console/actions/bulk-decision", { body }),
    onMutate: () => setResult(null),
    onSuccess: (res, body) => {
      const n = res.decided.length;
      setResult({
        tone: "success",
        message: `${body.decision === "approve" ? "Approved" : "Rejected"} ${plural(n, "action")}.`,
        href: n === 1 ? `/actions/${res.decided[0]!.id}` : `/actions?status=${body.decision === "approve" ? "approved" : "rejected"}&reviewerId=${meId}&since=1h`,
        linkLabel: n === 1 ? "View the decided action" : "See your decisions on the Actions page",
      });
      refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) refresh();
    },
  });

  /** Why this row cannot be decided by this person right now (checked again by the server). */
  const blockedReason = (item: QueueItem): string | null =>
    notBulkApprovable({ blocked: false, escalated: item.escalatedAt !== null, claimedByOther: item.claimedBy !== null && item.claimedBy !== me }, isManager);

  const explainIfBlocked = (item: QueueItem): boolean => {
    const why = blockedReason(item);
    if (why) setResult({ tone: "error", message: `${item.type} cannot be decided from the list: ${why}.` });
    return why !== null;
  };

  return {
    result,
    clearResult: () => setResult(null),
    /** `a` on a row: approve it, or record a draft as executed as proposed. */
    accept: (item: QueueItem) => {
      if (explainIfBlocked(item)) return;
      single.mutate({ item, verdict: kind === "draft" ? { kind: "as_proposed" } : { kind: "approve" } });
    },
    /** Says why this person cannot decide the row now, if so; true when it said something. */
    explainIfBlocked,
    /** `r` on a row, once its reason is given: reject it, or discard the draft. */
    refuse: (item: QueueItem, reason: string, onDone: () => void) =>
      single.mutate({ item, verdict: kind === "draft" ? { kind: "discarded", reason } : { kind: "reject", reason } }, { onSuccess: onDone }),
    single,
    bulk,
    /** Which ticked items a bulk approval would cover, and why the others are left out. */
    approvable: (items: QueueItem[]) => {
      const ok: QueueItem[] = [];
      const left: { item: QueueItem; why: string }[] = [];
      for (const item of items) {
        const why = notBulkApprovable({ blocked: item.blocked, escalated: item.escalatedAt !== null, claimedByOther: item.claimedBy !== null && item.claimedBy !== me }, isManager);
        if (why) left.push({ item, why });
        else ok.push(item);
      }
      return { ok, left };
    },
  };
}
