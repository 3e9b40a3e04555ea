"use client";

import { useState } from "react";
import type { BoardType } from "@/lib/autonomy";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { LEVEL_ORDER, LEVELS } from "../action-types/levels";
import { TypeCard, type BoardPermissions } from "./type-card";

const DOTS: Record<number, string> = { 3: "bg-zinc-400", 2: "bg-sky-500", 1: "bg-accent-500", 0: "bg-emerald-500" };

// Within a level, what needs attention first: eligible, then waiting for sign-off, then the
// closest to the next level.
function byAttention(a: BoardType, b: BoardType): number {
  const rank = (t: BoardType) => (t.eligibility.eligible ? 0 : t.pendingRequest ? 1 : 2);
  return rank(a) - rank(b) || b.eligibility.progress - a.eligibility.progress || a.key.localeCompare(b.key);
}

/** The status line after a change; stays until dismissed or replaced. */
export function ChangeNotice({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  if (!message) return <div role="status" className="sr-only" />;
  return (
    <div role="status" className="mb-4 flex items-center justify-between gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-[13px] text-emerald-900">
      <span>{message}</span>
      <Button size="sm" variant="ghost" onClick={onDismiss} className="text-emerald-900 hover:bg-emerald-100">
        Dismiss
      </Button>
    </div>
  );
}

/** Every action type, grouped by the level it acts at, from 3 (draft) to 0 (autonomous). */
export function AutonomyBoard({ types, permissions }: { types: BoardType[]; permissions: BoardPermissions }) {
  const [notice, setNotice] = useState<string | null>(null);
  const eligible = types.filter((t) => t.eligibility.eligible).length;
  const pending = types.filter((t) => t.pendingRequest).length;

  return (
    <>
      <ChangeNotice message={notice} onDismiss={() => setNotice(null)} />
      {eligible > 0 || pending > 0 ? (
        <Alert tone="info" className="mb-6">
          {[
            eligible > 0 ? `${eligible} ${eligible === 1 ? "type is" : "types are"} eligible for promotion` : null,
            pending > 0 ? `${pending} ${pending === 1 ? "request" : "requests"} for full autonomy ${pending === 1 ? "waits" : "wait"} for an admin's sign-off` : null,
          ]
            .filter(Boolean)
            .join(" · ")}
          .
        </Alert>
      ) : null}
      <div className="space-y-8">
        {LEVEL_ORDER.map((level) => {
          // A blocked type sits where the policy holds it (level 2), not where it is set.
          const inLevel = types.filter((t) => t.effectiveLevel === level).sort(byAttention);
          const titleId = `level-${level}-title`;
          return (
            <section key={level} aria-labelledby={titleId} data-testid={`autonomy-level-${level}`}>
              <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h2 id={titleId} className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
                  <span aria-hidden="true" className={`size-2 rounded-full ${DOTS[level]}`} />
                  Level {level} · {LEVELS[level].name}
                </h2>
                <span className="text-xs font-medium text-zinc-500 tabular-nums">
                  {inLevel.length} {inLevel.length === 1 ? "type" : "types"}
                </span>
                <p className="w-full text-[13px] text-zinc-500 sm:w-auto">{LEVELS[level].summary}</p>
              </div>
              {inLevel.length === 0 ? (
                <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-5 text-center text-[13px] text-zinc-500">
                  No action type is at this level.
                </p>
              ) : (
                <div className="grid gap-4 lg:grid-cols-2">
                  {inLevel.map((t) => (
                    <TypeCard key={t.id} type={t} permissions={permissions} onChanged={setNotice} />
                  ))}
                </div>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
