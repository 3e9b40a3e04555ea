"use client";

import { useState } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { ActionDetail } from "@/lib/review/get-action-detail";
import { BackLink } from "../shell/back-link";
import { PageHeader } from "../shell/page-header";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Time } from "../ui/time";
import { ActionFacts } from "./action-facts";
import { useNow } from "./clock";
import { DecisionCard, type ClaimShown, type DecisionAccess } from "./decision-card";
import { DecisionStatus } from "./decision-status";
import { FlashMessage } from "./flash-message";
import { HistoryCard } from "./history-card";
import { PayloadEditor } from "./payload-editor";
import { ProposalCard } from "./proposal-card";
import { LIST_LABEL, type QueueKind } from "./queue-params";
import { ReasonDialog } from "./reason-dialog";
import { ResultCard } from "./result-card";
import { ScoresCard } from "./scores-card";
import { REVIEW_COPY } from "./review-copy";
import { Kbd, ShortcutsHelp } from "./shortcuts";
import { ActionStatusBadge } from "./status";
import { TraceCard } from "./trace-card";
import { useActionDetail } from "./use-action-detail";
import { useClaim } from "./use-claim";
import { useDecision } from "./use-decision";
import { useQueueNavigation } from "./use-queue-navigation";
import { useReviewShortcuts } from "./use-review-shortcuts";

/**
 * One action: context, trace and history for everyone, with the queue's previous / next; for
 * reviewers, a claim while the page is open and the decision (approve / edit / reject, or a
 * draft's outcome). Viewers read it as it is: no claim, no buttons, no keys that act.
 */
export function ActionReview({ initial, role, me }: { initial: ActionDetail; role: Role; me: string }) {
  const a = useActionDetail(initial);
  const now = useNow();
  const kind: QueueKind | null = a.route === "approval" ? "approval" : a.route === "draft" ? "draft" : null;
  const copy = kind ? REVIEW_COPY[kind] : null;
  const isPending = a.status === "pending" && kind !== null;
  const isReviewer = hasRole(role, "reviewer");
  const needsManager = Boolean(a.escalatedAt) && !hasRole(role, "manager");
  // Only someone who may decide takes a claim: a viewer opening an item leaves it free.
  const canClaim = isPending && isReviewer && !needsManager;
  const claim = useClaim(a.id, canClaim);
  const claimShown: ClaimShown | null = claim.state
    ? claim.state.claimedBy
      ? { mine: claim.state.mine, by: claim.state.claimedBy, until: claim.state.claimExpiresAt }
      : null
    : a.claim
      ? { mine: a.claim.byMe, by: a.claim.by, until: a.claim.until }
      : null;
  const access: DecisionAccess = { isReviewer, needsManager, claim: claimShown, claimError: claim.error, canDecide: canClaim && !(claimShown && !claimShown.mine) };

  const [dialog, setDialog] = useState<"edit" | "reason" | "help" | null>(null);
  const nav = useQueueNavigation(kind, a);
  const decision = useDecision({ a, kind, filters: nav.filters, me, listHref: nav.listHref, open: nav.open, onDecided: () => setDialog(null), onConflict: claim.recheck });
  const busy = decision.sending || decision.saved || nav.navigating;

  const openDialog = (d: "edit" | "reason") => {
    if (!access.canDecide || busy) return;
    decision.reset();
    setDialog(d);
  };
  const accept = () => {
    if (!access.canDecide || busy) return;
    decision.decide(kind === "draft" ? { kind: "as_proposed" } : { kind: "approve" });
  };
  const shortcuts = useReviewShortcuts({
    queue: kind ? { next: () => void nav.go("next"), previous: () => void nav.go("previous") } : null,
    decision: isReviewer && isPending && copy ? { copy, accept, edit: () => openDialog("edit"), refuse: () => openDialog("reason") } : null,
    help: () => setDialog("help"),
  });

  return (
    <>
      <PageHeader
        eyebrow={<BackLink href={kind ? nav.listHref : "/actions"}>{kind ? LIST_LABEL[kind] : "Actions"}</BackLink>}
        title={<span className="font-mono text-[19px] tracking-normal">{a.type.key}</span>}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <ActionStatusBadge action={a} />
            <span>
              from <span className="font-medium text-zinc-700">{a.agent.name}</span>
            </span>
            <span aria-hidden="true">·</span>
            <span>
              requested <Time iso={a.createdAt} relative />
            </span>
          </span>
        }
        actions={
          <>
            {kind ? (
              <>
                <Button size="sm" variant="secondary" onClick={() => void nav.go("previous")} aria-keyshortcuts="k" disabled={nav.navigating}>
                  Previous <Kbd decorative>k</Kbd>
                </Button>
                <Button size="sm" variant="secondary" onClick={() => void nav.go("next")} aria-keyshortcuts="j" disabled={nav.navigating}>
                  Next <Kbd decorative>j</Kbd>
                </Button>
              </>
            ) : null}
            <Button size="sm" variant="ghost" onClick={() => setDialog("help")} aria-keyshortcuts="?" className="max-sm:hidden">
              Shortcuts <Kbd decorative>?</Kbd>
            </Button>
          </>
        }
      />
      <div className="space-y-6">
        <FlashMessage />
        {nav.note ? (
          <Alert tone="info" className="-mt-2">
            {nav.note}
          </Alert>
        ) : null}
        <div className="space-y-3">
          {isPending && kind && copy ? (
            <DecisionCard
              a={a}
              kind={kind}
              copy={copy}
              access={access}
              busy={busy}
              accepting={decision.sending && !dialog}
              onAccept={accept}
              onEdit={() => openDialog("edit")}
              onRefuse={() => openDialog("reason")}
              now={now}
            />
          ) : (
            <ResultCard a={a} />
          )}
          <DecisionStatus conflict={decision.conflict} error={dialog ? null : decision.error} sending={decision.sending} saved={decision.saved} />
        </div>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <ProposalCard a={a} />
          </div>
          <div className="min-w-0 space-y-6">
            <ActionFacts a={a} />
            <ScoresCard scores={a.scores} />
          </div>
        </div>
        <TraceCard run={a.run} spans={a.spans} />
        <HistoryCard history={a.history} auditHref={hasRole(role, "admin") ? `/audit?target=${a.id}` : null} />
      </div>

      {copy && isReviewer ? (
        <>
          <PayloadEditor
            open={dialog === "edit"}
            onClose={() => setDialog(null)}
            proposed={a.proposedPayload}
            copy={copy.editor}
            pending={decision.sending || nav.navigating}
            error={dialog === "edit" ? decision.error : null}
            onReview={decision.reset}
            onConfirm={(payload) => decision.decide(kind === "draft" ? { kind: "with_changes", payload } : { kind: "approve", payload })}
          />
          <ReasonDialog
            open={dialog === "reason"}
            onClose={() => setDialog(null)}
            copy={copy.reason}
            pending={decision.sending || nav.navigating}
            error={dialog === "reason" ? decision.error : null}
            onConfirm={(reason) => decision.decide(kind === "draft" ? { kind: "discarded", reason } : { kind: "reject", reason })}
          />
        </>
      ) : null}
      <ShortcutsHelp open={dialog === "help"} onClose={() => setDialog(null)} shortcuts={shortcuts} />
    </>
  );
}
