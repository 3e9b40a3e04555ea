"use client";

import { formatDateTime, formatRelative } from "../format";

/**
 * A timestamp: relative ("4 min ago") or absolute, with the exact UTC time as a tooltip.
 * The relative text may differ by a few seconds between server and browser, hence the
 * suppressed hydration warning.
 */
export function Time({ iso, relative = false, fallback = "—" }: { iso: string | null; relative?: boolean; fallback?: string }) {
  if (!iso) return <span className="text-zinc-500">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)} suppressHydrationWarning className="whitespace-nowrap">
      {relative ? formatRelative(iso) : formatDateTime(iso)}
    </time>
  );
}
