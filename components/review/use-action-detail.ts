"use client";

import { useQuery } from "@tanstack/react-query";
import type { ActionDetail } from "@/lib/review/get-action-detail";
import { api } from "../api";

/** The action as the server has it now, starting from what the page rendered with. */
export function useActionDetail(initial: ActionDetail): ActionDetail {
  const { data } = useQuery({
    queryKey: ["action", initial.id],
    queryFn: () => api<ActionDetail>(`/api/console/actions/${encodeURIComponent(initial.id)}`),
    initialData: initial,
    staleTime: 5_000,
    // While it waits, someone else may decide it; look again now and then.
    refetchInterval: (q) => (q.state.data?.status === "pending" ? 10_000 : false),
  });
  return data;
}
