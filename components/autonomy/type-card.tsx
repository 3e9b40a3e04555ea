"use client";

import Link from "next/link";
import { useState } from "react";
import type { BoardType } from "@/lib/autonomy";
import type { AutonomyChangeView } from "@/lib/autonomy/schemas";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { focusRing } from "../ui/focus";
import { DemoteDialog, PromoteDialog, RequestDialog } from "./change-dialogs";
import { EvidenceGrid } from "./evidence-grid";
import { ChevronRightIcon } from "../ui/icons";
import { LEVELS, levelLabel } from "../action-types/levels";
import { RiskBadge } from "../review/risk-badge";
import { NextLevelProgress } from "./progress";
import { PendingRequest } from "./sign-off";

/** What the signed-in person may do on the board; decided on the server from their role. */
export type BoardPermissions = {
  /** Manager or admin: promote, demote, request level 0. */
  canManage: boolean;
  /** Admin: approve or deny level-0 requests. */
  canSignOff: boolean;
  /** How the board names this person (a change's `by`), to spot their own requests. */
  selfId: string;
};

/** One action type on the board: evidence, progress to the next level and what may be done. */
export function TypeCard({
  type,
  permissions,
  onChanged,
  detail = false,
}: {
  type: BoardType;
  permissions: BoardPermissions;
  onChanged: (message: string) => void;
  /** On the type's own page: no link to itself, the level shown in the card. */
  detail?: boolean;
}) {
  const [dialog, setDialog] = useState<"promote" | "demote" | "request" | null>(null);
  const e = type.eligibility;
  const pending = type.pendingRequest;
  const titleId = `type-${type.id}-title`;
  const highlight = e.eligible;

  const done = (change: AutonomyChangeView) => {
    setDialog(null);
    onChanged(describeChange(change));
  };

  // The moves the policy allows: a blocked type is never promoted past level 2 (the server refuses too).
  const canPromote = permissions.canManage && e.nextLevel !== null && e.nextLevel > 0;
  const canRequest = permissions.canManage && e.nextLevel === 0 && !pending;
  const canDemote = permissions.canManage && type.level < 3;

  return (
    <article
      aria-labelledby={titleId}
      data-testid={`autonomy-card-${type.key}`}
      data-level={type.effectiveLevel}
      data-eligible={e.eligible ? "true" : "false"}
      className={cn(
        "flex flex-col rounded-lg border bg-surface shadow-xs",
        highlight ? "border-emerald-300 ring-1 ring-emerald-300" : pending ? "border-amber-300" : "border-zinc-200",
      )}
    >
      <header className="flex items-start justify-between gap-3 px-4 pt-3.5">
        <div className="min-w-0">
          <h3 id={titleId} className="truncate text-sm font-semibold text-zinc-900">
            {detail ? (
              <>
                <span className="sr-only">{type.key}: </span>Level {levelLabel(type.effectiveLevel)}
              </>
            ) : (
              <Link href={`/autonomy/${encodeURIComponent(type.key)}`} className={cn("rounded-sm hover:underline", focusRing)}>
                {type.key}
              </Link>
            )}
          </h3>
          {detail ? (
            <p className="mt-0.5 text-xs text-zinc-500">{LEVELS[type.effectiveLevel]?.summary}</p>
          ) : type.description ? (
            <p className="mt-0.5 line-clamp-1 text-xs text-zinc-500">{type.description}</p>
          ) : null}
        </div>
        <div className="flex shrink-0 flex-wrap items-center justify-end gap-1.5">
          {e.eligible ? (
            <Badge tone="green" dot>
              Eligible for level {e.nextLevel}
            </Badge>
          ) : null}
          {type.blocked ? <Badge tone="red">Blocked</Badge> : null}
          {type.riskLabel ? <RiskBadge risk={type.riskLabel} /> : null}
        </div>
      </header>

      <div className="flex-1 space-y-4 px-4 pt-3 pb-4">
        {type.blocked ? (
          <p className="text-xs text-red-800">Blocked: every action needs a person first, so it acts at level 2 at most.</p>
        ) : null}
        <EvidenceGrid evidence={type.evidence} level={type.effectiveLevel} />
        <div className="border-t border-zinc-100 pt-3">
          <NextLevelProgress type={type} />
        </div>
        {pending ? (
          <PendingRequest
            typeKey={type.key}
            request={pending}
            canSignOff={permissions.canSignOff}
            blocked={type.blocked}
            isOwn={pending.byId !== null && pending.byId === permissions.selfId}
            onDone={done}
          />
        ) : null}
      </div>

      {!detail || canPromote || canRequest || canDemote ? (
        <footer className="flex items-center justify-between gap-2 border-t border-zinc-200 px-4 py-2.5">
          {detail ? (
            <span />
          ) : (
            <Link
              href={`/autonomy/${encodeURIComponent(type.key)}`}
              className={cn("inline-flex items-center gap-0.5 rounded-sm text-xs font-medium text-zinc-500 hover:text-zinc-900", focusRing)}
              aria-label={`History and charts for ${type.key}`}
            >
              History and charts
              <ChevronRightIcon className="size-3.5" />
            </Link>
          )}
          <div className="flex items-center gap-2">
            {canDemote ? (
              <Button size="sm" variant="secondary" onClick={() => setDialog("demote")}>
                Demote
              </Button>
            ) : null}
            {canPromote ? (
              <Button size="sm" variant={e.eligible ? "primary" : "secondary"} onClick={() => setDialog("promote")}>
                Promote
              </Button>
            ) : null}
            {canRequest ? (
              <Button size="sm" variant="secondary" onClick={() => setDialog("request")}>
                Request level 0
              </Button>
            ) : null}
          </div>
        </footer>
      ) : null}

      {canPromote ? <PromoteDialog type={type} open={dialog === "promote"} onClose={() => setDialog(null)} onDone={done} /> : null}
      {canDemote ? <DemoteDialog type={type} open={dialog === "demote"} onClose={() => setDialog(null)} onDone={done} /> : null}
      {canRequest ? <RequestDialog type={type} open={dialog === "request"} onClose={() => setDialog(null)} onDone={done} /> : null}
    </article>
  );
}

/** The status line after a change, e.g. "support.reply: level 3 → 2 (override)". */
export function describeChange(c: AutonomyChangeView): string {
  if (c.status === "pending") return `${c.actionType}: level 0 requested; an admin other than the requester signs it off.`;
  if (c.status === "denied") return `${c.actionType}: the request for level 0 was denied; it stays at level ${c.fromLevel}.`;
  const verb = c.toLevel < c.fromLevel ? "promoted" : "demoted";
  return `${c.actionType} ${verb}: level ${c.fromLevel} → ${c.toLevel}${c.override ? " (override, flagged in the history)" : ""}.`;
}
