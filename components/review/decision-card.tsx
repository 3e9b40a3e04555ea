import type { ActionDetail } from "@/lib/review/get-action-detail";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Time } from "../ui/time";
import { formatClock } from "./clock";
import type { QueueKind } from "./queue-params";
import type { ReviewCopy } from "./review-copy";
import { Kbd } from "./shortcuts";
import { Sla } from "./sla";

/** Who has the item open: this reviewer, someone else, or nobody yet. */
export type ClaimShown = { mine: boolean; by: string | null; until: string | null };

/** What the person looking may do with a pending item, decided by the page from role and claim. */
export type DecisionAccess = {
  isReviewer: boolean;
  /** Escalated past its deadline: managers only. */
  needsManager: boolean;
  claim: ClaimShown | null;
  claimError: string | null;
  canDecide: boolean;
};

/**
 * A pending item's decision: who has it open and, for reviewers, the three buttons (approve /
 * edit / reject, or a draft's outcomes). Viewers see the claim line and no buttons.
 */
export function DecisionCard({
  a,
  kind,
  copy,
  access,
  busy,
  accepting,
  onAccept,
  onEdit,
  onRefuse,
  now,
}: {
  a: ActionDetail;
  kind: QueueKind;
  copy: ReviewCopy;
  access: DecisionAccess;
  busy: boolean;
  /** The one-click accept is on its way (the button shows a spinner). */
  accepting: boolean;
  onAccept: () => void;
  onEdit: () => void;
  onRefuse: () => void;
  now: number;
}) {
  const heldByOther = access.claim && !access.claim.mine;
  const disabled = !access.canDecide || busy;
  return (
    <Card aria-labelledby="decide-title" className={heldByOther || access.needsManager ? "border-amber-200" : "border-accent-200"}>
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
        <div className="min-w-0">
          <h2 id="decide-title" className="text-sm font-semibold text-zinc-900">
            {kind === "draft" ? "What did you do with this recommendation?" : "Decision"}
          </h2>
          <ClaimLine access={access} />
        </div>
        {access.isReviewer && !access.needsManager ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="primary" onClick={onAccept} disabled={disabled} pending={accepting} aria-keyshortcuts="a">
              {copy.accept} <Kbd className="border-white/30 bg-white/15 text-white shadow-none" decorative>a</Kbd>
            </Button>
            <Button variant="secondary" onClick={onEdit} disabled={disabled} aria-keyshortcuts="e">
              {copy.edit} <Kbd decorative>e</Kbd>
            </Button>
            <Button variant="danger-outline" onClick={onRefuse} disabled={disabled} aria-keyshortcuts="r">
              {copy.refuse} <Kbd decorative>r</Kbd>
            </Button>
          </div>
        ) : null}
      </div>
      {kind === "approval" && (a.dueAt || a.escalatedAt) ? (
        <div className="flex flex-wrap items-center gap-x-2 border-t border-zinc-100 px-4 py-2 text-[13px] text-zinc-600">
          <span>Deadline:</span>
          <Sla dueAt={a.dueAt} escalatedAt={a.escalatedAt} now={now} />
          {a.dueAt && !a.escalatedAt ? (
            <span className="text-zinc-500">
              (<Time iso={a.dueAt} />)
            </span>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

function ClaimLine({ access }: { access: DecisionAccess }) {
  const { claim, claimError } = access;
  let text: React.ReactNode;
  let tone = "text-zinc-500";
  if (!access.isReviewer) text = "You can look at this action; deciding needs the reviewer role.";
  else if (access.needsManager) {
    text = "Escalated to managers after its deadline: only a manager can decide it now.";
    tone = "text-amber-800";
  } else if (claimError) {
    text = `Could not reserve this item: ${claimError}`;
    tone = "text-amber-800";
  } else if (!claim) text = "Reserving it for you…";
  else if (claim.mine) text = `You have this open${claim.until ? ` until ${formatClock(claim.until)}` : ""}; others see it as taken while you decide.`;
  else {
    text = `${claim.by ?? "Another reviewer"} has this open${claim.until ? ` until ${formatClock(claim.until)}` : ""}. You can decide once they leave it or the claim lapses.`;
    tone = "text-amber-800";
  }
  return (
    <p className={`mt-0.5 text-[13px] ${tone}`} data-testid="claim-status" aria-live="polite">
      {text}
    </p>
  );
}
