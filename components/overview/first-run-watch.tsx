"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Overview } from "@/lib/overview";
import { api } from "../api";
import { Card } from "../ui/card";
import { CheckCircleIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { Time } from "../ui/time";

/**
 * "Waiting for the first run…" until an agent reports one, then a link to it, without a
 * reload: the overview asks again every few seconds while nothing has arrived.
 */
export function FirstRunWatch() {
  const { data } = useQuery({
    queryKey: ["overview"],
    queryFn: () => api<Overview>("/api/console/overview"),
    refetchInterval: (q) => (q.state.data?.recentRuns.length ? false : 3_000),
  });
  const run = data?.recentRuns[data.recentRuns.length - 1];
  return (
    <Card className="px-4 py-3" aria-live="polite" data-testid="first-run">
      {run ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px] text-zinc-800">
          <CheckCircleIcon className="size-4 text-emerald-700" />
          <span>
            The first run arrived from <span className="font-medium">{run.agentName}</span> <Time iso={run.startedAt} relative />.
          </span>
          <Link href={`/agents/${run.agentId}`} className="font-medium text-accent-700 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
            See {run.agentName}&apos;s activity
          </Link>
        </p>
      ) : (
        <p role="status" className="flex items-center gap-2 text-[13px] text-zinc-700">
          <Spinner className="size-3.5 text-accent-600" />
          Waiting for the first run… this turns into a link as soon as an agent starts one.
        </p>
      )}
    </Card>
  );
}
