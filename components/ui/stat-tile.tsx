import Link from "next/link";
import { cn } from "./cn";
import { ChevronRightIcon } from "./icons";

export type Tile = { label: string; value: string; hint: string; attention?: "amber" | "red"; href?: string; testId?: string };

/**
 * A row of numbers, each with what it counts. A tile with `href` is a link to the list behind
 * the number (the whole tile is the target, and says where it leads).
 */
export function StatTiles({ tiles, className }: { tiles: Tile[]; className?: string }) {
  return (
    <ul className={cn("grid grid-cols-2 gap-3 md:grid-cols-3", className)}>
      {tiles.map((t) => {
        const body = (
          <>
            <span className="flex items-center gap-1.5 text-xs font-medium text-zinc-600">
              {t.attention ? <span className={cn("size-1.5 rounded-full", t.attention === "red" ? "bg-red-500" : "bg-amber-500")} aria-hidden="true" /> : null}
              {t.label}
              {t.href ? <ChevronRightIcon className="ml-auto size-3.5 text-zinc-500" /> : null}
            </span>
            <span className="mt-1.5 block text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums" data-testid={t.testId}>
              {t.value}
            </span>
            <span className="mt-0.5 block text-xs text-zinc-600">{t.hint}</span>
          </>
        );
        const box = "block h-full rounded-lg border border-zinc-200 bg-surface px-4 py-3 shadow-xs";
        return (
          <li key={t.label}>
            {t.href ? (
              <Link
                href={t.href}
                className={cn(box, "transition-colors outline-none hover:border-zinc-300 hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-accent-500")}
              >
                {body}
              </Link>
            ) : (
              <div className={box}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
