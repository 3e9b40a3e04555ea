"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ActiveSwitches } from "@/lib/switches/schemas";
import { api } from "../api";
import { PowerIcon } from "../ui/icons";

export const SWITCHES_QUERY = ["kill-switches"] as const;

function list(names: string[], max = 3): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/**
 * Shown at the top of every console page while any kill switch is on: what is stopped, and
 * where to turn it off. The console layout renders it with the switches read on the server (no
 * flash on load); it then follows flips made elsewhere (another person, the API, the spend cap).
 */
export function KillSwitchBanner({ initial }: { initial: ActiveSwitches }) {
  const { data } = useQuery({
    queryKey: SWITCHES_QUERY,
    queryFn: () => api<ActiveSwitches>("/api/console/kill-switches"),
    initialData: initial,
    refetchInterval: 10_000,
    staleTime: 5_000,
  });
  const switches = data ?? initial;
  const parts: string[] = [];
  if (switches.global) parts.push(`Every agent is halted by the global kill switch${switches.global.reason ? ` (${switches.global.reason})` : ""}.`);
  if (switches.agents.length) {
    parts.push(`${switches.agents.length === 1 ? "Agent" : "Agents"} halted: ${list(switches.agents.map((a) => a.name))}.`);
  }
  if (switches.actionTypes.length) {
    parts.push(`${switches.actionTypes.length === 1 ? "Action type" : "Action types"} halted: ${list(switches.actionTypes.map((t) => t.key))}.`);
  }
  if (parts.length === 0) return null;
  return (
    <div role="status" data-testid="kill-switch-banner" className="flex items-center gap-3 border-b border-red-700 bg-red-600 px-8 py-2 text-[13px] text-white">
      <PowerIcon className="size-4 shrink-0" />
      <p className="min-w-0 flex-1">
        <span className="font-semibold">Kill switch on. </span>
        {parts.join(" ")}
      </p>
      <Link
        href="/kill-switches"
        className="shrink-0 rounded-sm font-medium underline underline-offset-2 outline-none hover:text-red-50 focus-visible:ring-2 focus-visible:ring-white"
      >
        Kill switches
      </Link>
    </div>
  );
}
