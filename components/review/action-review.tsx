"use client";

import { BackLink } from "../shell/back-link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { diffPayload } from "@/lib/actions/payload-diff";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { ActionDetail } from "@/lib/review/get-action-detail";
import { ApiError, api, errorMessage } from "../api";
import { LevelBadge } from "../action-types/level-badge";
import { PageHeader } from "../shell/page-header";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { Time } from "../ui/time";
import { formatClock, humanizeTimes, useNow } from "./clock";
import { ChangeList } from "./change-list";
import { FlashMessage } from "./flash-message";
import { setFlash } from "./flash";
import { HistoryCard } from "./history-card";
import { JsonBlock } from "./json-block";
import { PayloadEditor, type EditorCopy } from "./payload-editor";
import { LIST_LABEL, LIST_PATH, actionHref, filtersFrom, filtersQuery, neighbour, nextAfterDecision, type QueueKind } from "./queue-params";
import { ReasonDialog, type ReasonCopy } from "./reason-dialog";
import { RiskBadge } from "./risk-badge";
import { formatConfidence, routeNote } from "./route-note";
import { Kbd, ShortcutsHelp, useShortcuts, type Shortcut } from "./shortcuts";
import { Sla } from "./sla";
import { ActionStatusBadge, statusLabel } from "./status";
import { TraceCard } from "./trace-card";
import { useClaim } from "./use-claim";

type JsonObject = Record<string, unknown>;
type Verdict =
  | { kind: "approve"; payload?: JsonObject }
  | { kind: "reject"; reason: string }
  | { kind: "as_proposed" }
  | { kind: "with_changes"; payload: JsonObject }
  | { kind: "discarded"; reason: string };

type Copy = {
  accept: string;
  edit: string;
  refuse: string;
  editor: EditorCopy;
  reason: ReasonCopy;
};

const COPY: Record<QueueKind, Copy> = {
  approval: {
    accept: "Approve",
    edit: "Approve with edits",
    refuse: "Reject",
    editor: {
      title: "Approve with edits",
      description: "Edit the payload the agent will use. Your version replaces the proposal.",
      confirm: (n) => (n === 0 ? "Approve as proposed" : `Approve with ${n} ${n === 1 ? "change" : "changes"}`),
      afterLabel: "Approved",
    },
    reason: {
      title: "Reject this action?",
      description: "The agent is told not to act, with your reason. This cannot be undone.",
      label: "Reason",
      hint: "The agent receives it, and it is kept with the decision.",
      confirm: "Reject action",
    },
  },
  draft: {
    accept: "Executed as proposed",
    edit: "Executed with changes",
    refuse: "Discarded",
    editor: {
      title: "Executed with changes",
      description: "Record the payload as you actually carried it out. The differences are kept as feedback for the agent.",
      confirm: (n) => (n === 0 ? "Record as proposed" : `Record with ${n} ${n === 1 ? "change" : "changes"}`),
      afterLabel: "Executed",
    },
    reason: {
      title: "Discard this draft?",
      description: "Record that nobody carried out this recommendation.",
      label: "Reason",
      hint: "Why it was not done; kept as feedback for the agent.",
      confirm: "Discard draft",
    },
  },
};

function shortcutsFor(kind: QueueKind | null, copy: Copy | null): Shortcut[] {
  const list: Shortcut[] = [];
  if (kind) {
    list.push({ keys: ["j"], label: "Next item in the queue" }, { keys: ["k"], label: "Previous item in the queue" });
  }
  if (copy) {
    list.push(
      { keys: ["a"], label: copy.accept },
      { keys: ["e"], label: `${copy.edit} (opens the editor)` },
      { keys: ["r"], label: `${copy.refuse} (asks for a reason)` },
    );
  }
  list.push({ keys: ["?"], label: "Show these shortcuts" }, { keys: ["Esc"], label: "Close a dialog" });
  return list;
}

function resultMessage(a: ActionDetail, v: Verdict, changes: number): string {
  const what = `${a.type.key} from ${a.agent.name}`;
  switch (v.kind) {
    case "approve":
      return changes > 0 ? `Approved ${what} with ${changes} ${changes === 1 ? "change" : "changes"}.` : `Approved ${what}.`;
    case "reject":
      return `Rejected ${what}.`;
    case "as_proposed":
      return `Recorded ${what} as executed as proposed.`;
    case "with_changes":
      return `Recorded ${what} as executed with ${changes} ${changes === 1 ? "change" : "changes"}.`;
    case "discarded":
      return `Discarded ${what}.`;
  }
}

function countChanges(a: ActionDetail, payload: JsonObject | undefined): number {
  return payload ? diffPayload(a.proposedPayload, payload).length : 0;
}

/**
 * One action, for review: context, trace and history for everyone; for reviewers, a claim while
 * the page is open and the decision (approve / edit / reject, or a draft's outcome).
 */
export function ActionReview({ initial, role, me }: { initial: ActionDetail; role: Role; me: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFrom(searchParams), [searchParams]);
  const id = initial.id;
  const now = useNow();

  const { data: a } = useQuery({
    queryKey: ["action", id],
    queryFn: () => api<ActionDetail>(`/api/console/actions/${encodeURIComponent(id)}`),
    initialData: initial,
    staleTime: 5_000,
    // While it waits, someone else may decide it; look again now and then.
    refetchInterval: (q) => (q.state.data?.status === "pending" ? 10_000 : false),
  });

  const kind: QueueKind | null = a.route === "approval" ? "approval" : a.route === "draft" ? "draft" : null;
  const copy = kind ? COPY[kind] : null;
  const isPending = a.status === "pending" && kind !== null;
  const isReviewer = hasRole(role, "reviewer");
  const needsManager = Boolean(a.escalatedAt) && !hasRole(role, "manager");
  const canClaim = isPending && isReviewer && !needsManager;
  const claim = useClaim(id, canClaim);
  const claimShown = claim.state
    ? claim.state.claimedBy
      ? { mine: claim.state.mine, by: claim.state.claimedBy, until: claim.state.claimExpiresAt }
      : null
    : a.claim
      ? { mine: a.claim.byMe, by: a.claim.by, until: a.claim.until }
      : null;
  const heldByOther = claimShown && !claimShown.mine ? claimShown : null;
  const canDecide = canClaim && !heldByOther;

  const [dialog, setDialog] = useState<"edit" | "reason" | "help" | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [navNote, setNavNote] = useState<string | null>(null);
  const [navigating, startNavigation] = useTransition();
  const listHref = `${LIST_PATH[kind ?? "approval"]}${filtersQuery(filters)}`;

  const decide = useMutation({
    mutationFn: async (v: Verdict) => {
      const base = `/api/console/actions/${encodeURIComponent(id)}`;
      if (v.kind === "approve") await api(`${base}/decision`, { body: { decision: "approve", ...(v.payload ? { payload: v.payload } : {}) } });
      else if (v.kind === "reject") await api(`${base}/decision`, { body: { decision: "reject", reason: v.reason } });
      else if (v.kind === "as_proposed") await api(`${base}/draft-outcome`, { body: { outcome: "as_proposed" } });
      else if (v.kind === "with_changes") await api(`${base}/draft-outcome`, { body: { outcome: "with_changes", payload: v.payload } });
      else await api(`${base}/draft-outcome`, { body: { outcome: "discarded", reason: v.reason } });
      // Prefer an item nobody else has open; the decision stands even if this lookup fails.
      const next = await nextAfterDecision(kind!, filters, a, (i) => i.claimedBy === null || i.claimedBy === me).catch(() => null);
      return { v, next };
    },
    onSuccess: ({ v, next }) => {
      const changes = countChanges(a, "payload" in v ? v.payload : undefined);
      setFlash({ tone: "success", message: `${resultMessage(a, v, changes)}${next ? "" : " Nothing else is waiting."}` });
      setDialog(null);
      void queryClient.invalidateQueries({ queryKey: ["queue"] });
      void queryClient.invalidateQueries({ queryKey: ["pending-count"] });
      void queryClient.invalidateQueries({ queryKey: ["action", id] });
      startNavigation(() => router.push(next ? actionHref(next.id, filters) : listHref));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(humanizeTimes(err.message));
        void queryClient.invalidateQueries({ queryKey: ["action", id] });
        claim.recheck();
      }
    },
  });
  const busy = decide.isPending || navigating || decide.isSuccess;

  const open = (d: "edit" | "reason") => {
    if (!canDecide || busy) return;
    decide.reset();
    setDialog(d);
  };
  const accept = () => {
    if (!canDecide || busy) return;
    setConflict(null);
    decide.mutate(kind === "draft" ? { kind: "as_proposed" } : { kind: "approve" });
  };

  // The queue is for reviewers; viewers open actions from elsewhere and have no neighbours.
  const inQueue = kind !== null && isReviewer;
  const go = async (direction: "next" | "previous") => {
    if (!inQueue || !kind) return;
    setNavNote(null);
    try {
      const n = await neighbour(kind, filters, a, direction);
      if (n) startNavigation(() => router.push(actionHref(n.id, filters)));
      else setNavNote(direction === "next" ? "This is the last item in the queue." : "This is the first item in the queue.");
    } catch (err) {
      setNavNote(errorMessage(err));
    }
  };

  useShortcuts({
    j: () => void go("next"),
    k: () => void go("previous"),
    a: accept,
    e: () => open("edit"),
    r: () => open("reason"),
    "?": () => setDialog("help"),
  });

  const note = routeNote(a.reason);
  const finalPayload = a.executedPayload ?? a.approvedPayload;

  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href={inQueue ? listHref : `/agents/${a.agent.id}`}>{inQueue ? LIST_LABEL[kind ?? "approval"] : a.agent.name}</BackLink>
        }
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
            {inQueue ? (
              <>
                <Button size="sm" variant="secondary" onClick={() => void go("previous")} aria-keyshortcuts="k" disabled={navigating}>
                  Previous <Kbd decorative>k</Kbd>
                </Button>
                <Button size="sm" variant="secondary" onClick={() => void go("next")} aria-keyshortcuts="j" disabled={navigating}>
                  Next <Kbd decorative>j</Kbd>
                </Button>
              </>
            ) : null}
            <Button size="sm" variant="ghost" onClick={() => setDialog("help")} aria-keyshortcuts="?">
              Shortcuts <Kbd decorative>?</Kbd>
            </Button>
          </>
        }
      />
      <div className="space-y-6">
        <FlashMessage />
        {navNote ? (
          <Alert tone="info" className="-mt-2">
            {navNote}
          </Alert>
        ) : null}

        {isPending && copy ? (
          <Card aria-labelledby="decide-title" className={heldByOther || needsManager ? "border-amber-200" : "border-accent-200"}>
            <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
              <div className="min-w-0">
                <h2 id="decide-title" className="text-sm font-semibold text-zinc-900">
                  {kind === "draft" ? "What did you do with this recommendation?" : "Decision"}
                </h2>
                <ClaimLine isReviewer={isReviewer} needsManager={needsManager} claim={claimShown} claimError={claim.error} />
              </div>
              {isReviewer && !needsManager ? (
                <div className="flex flex-wrap items-center gap-2">
                  <Button variant="primary" onClick={accept} disabled={!canDecide || busy} pending={decide.isPending && !dialog} aria-keyshortcuts="a">
                    {copy.accept} <Kbd className="border-white/30 bg-white/15 text-white shadow-none" decorative>a</Kbd>
                  </Button>
                  <Button variant="secondary" onClick={() => open("edit")} disabled={!canDecide || busy} aria-keyshortcuts="e">
                    {copy.edit} <Kbd decorative>e</Kbd>
                  </Button>
                  <Button variant="danger-outline" onClick={() => open("reason")} disabled={!canDecide || busy} aria-keyshortcuts="r">
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
            {conflict || (decide.error && !dialog) || busy ? (
              <div className="border-t border-zinc-100 px-4 py-3">
                {conflict ? (
                  <Alert title="This action could not be decided">
                    <span data-testid="decision-conflict">{conflict}</span>
                  </Alert>
                ) : decide.error && !dialog ? (
                  <Alert>{humanizeTimes(errorMessage(decide.error))}</Alert>
                ) : (
                  <Alert tone="success">{decide.isSuccess ? "Saved. Opening the next item…" : "Saving your decision…"}</Alert>
                )}
              </div>
            ) : null}
          </Card>
        ) : (
          <>
            {conflict ? (
              <Alert title="This action could not be decided">
                <span data-testid="decision-conflict">{conflict}</span>
              </Alert>
            ) : null}
            <ResultCard a={a} />
          </>
        )}

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Card aria-labelledby="proposal-title">
              <CardHeader
                titleId="proposal-title"
                title="Proposal"
                description={a.type.description ?? undefined}
              />
              <CardBody className="space-y-4">
                <div>
                  <h3 className="text-xs font-medium text-zinc-500">The agent&apos;s rationale</h3>
                  {a.rationale ? (
                    <p className="mt-1 text-[13px] leading-relaxed whitespace-pre-wrap text-zinc-800" data-testid="rationale">
                      {a.rationale}
                    </p>
                  ) : (
                    <p className="mt-1 text-[13px] text-zinc-400">The agent gave no rationale.</p>
                  )}
                </div>
                <JsonBlock
                  value={a.proposedPayload}
                  label={a.type.hasSchema ? "Proposed payload · matches the type's schema" : "Proposed payload · the type has no schema"}
                  testId="proposed-payload"
                />
                {finalPayload && a.changes.length > 0 ? (
                  <JsonBlock value={finalPayload} label={a.executedPayload ? "Executed payload" : "Approved payload"} testId="final-payload" />
                ) : null}
              </CardBody>
            </Card>
          </div>
          <div className="min-w-0 space-y-6">
            <Card aria-labelledby="facts-title">
              <CardHeader titleId="facts-title" title="Details" />
              <dl className="divide-y divide-zinc-100 text-[13px]">
                <Fact label="Confidence">
                  <Confidence value={a.confidence} />
                </Fact>
                <Fact label="Why a person">
                  <span className={note ? "text-amber-800" : undefined}>{note ?? a.reason}</span>
                </Fact>
                <Fact label="Level at request">
                  <LevelBadge level={a.level} />
                </Fact>
                <Fact label="Risk">
                  <span className="flex flex-wrap items-center gap-1.5">
                    <RiskBadge risk={a.type.riskLabel} />
                    {a.type.blocked ? <Badge tone="amber">Blocked type</Badge> : null}
                  </span>
                </Fact>
                <Fact label="Agent">
                  <Link href={`/agents/${a.agent.id}`} className="rounded-sm font-medium text-zinc-900 outline-none hover:text-accent-700 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
                    {a.agent.name}
                  </Link>
                </Fact>
                <Fact label="Action type">
                  <Link
                    href={`/action-types/${encodeURIComponent(a.type.key)}`}
                    className="rounded-sm font-mono text-xs text-zinc-900 outline-none hover:text-accent-700 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500"
                  >
                    {a.type.key}
                  </Link>
                </Fact>
                {a.subject ? (
                  <Fact label="Subject">
                    <span className="font-mono text-xs break-all">{a.subject}</span>
                  </Fact>
                ) : null}
                <Fact label="Requested">
                  <Time iso={a.createdAt} />
                </Fact>
                <Fact label="Action ID">
                  <span className="flex items-center gap-2">
                    <span className="truncate font-mono text-xs" title={a.id}>
                      {a.id}
                    </span>
                    <CopyButton value={a.id} label="Copy" />
                  </span>
                </Fact>
              </dl>
            </Card>
            {a.reviews.length > 0 ? (
              <Card aria-labelledby="reviews-title">
                <CardHeader titleId="reviews-title" title="Reviews" />
                <ul className="divide-y divide-zinc-100 text-[13px]">
                  {a.reviews.map((r) => (
                    <li key={r.id} className="px-4 py-2.5">
                      <p className="text-zinc-800">
                        <span className="font-medium">{r.by ?? r.source}</span> · {r.verdict ?? (r.scoreName ? `${r.scoreName} ${r.score}` : "note")}
                      </p>
                      {r.comment ? <p className="mt-0.5 text-zinc-600">{r.comment}</p> : null}
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </div>
        </div>

        <TraceCard run={a.run} spans={a.spans} />
        <HistoryCard history={a.history} />
      </div>

      {copy ? (
        <>
          <PayloadEditor
            open={dialog === "edit"}
            onClose={() => setDialog(null)}
            proposed={a.proposedPayload}
            copy={copy.editor}
            pending={decide.isPending || navigating}
            error={dialog === "edit" ? decide.error : null}
            onReview={() => decide.reset()}
            onConfirm={(payload) => {
              setConflict(null);
              decide.mutate(kind === "draft" ? { kind: "with_changes", payload } : { kind: "approve", payload });
            }}
          />
          <ReasonDialog
            open={dialog === "reason"}
            onClose={() => setDialog(null)}
            copy={copy.reason}
            pending={decide.isPending || navigating}
            error={dialog === "reason" ? decide.error : null}
            onConfirm={(reason) => {
              setConflict(null);
              decide.mutate(kind === "draft" ? { kind: "discarded", reason } : { kind: "reject", reason });
            }}
          />
        </>
      ) : null}
      <ShortcutsHelp open={dialog === "help"} onClose={() => setDialog(null)} shortcuts={shortcutsFor(inQueue ? kind : null, isReviewer && isPending ? copy : null)} />
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] items-baseline gap-3 px-4 py-2.5">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="min-w-0 text-zinc-900">{children}</dd>
    </div>
  );
}

function Confidence({ value }: { value: number | null }) {
  if (value === null) return <span className="text-zinc-400">Not given</span>;
  const pct = Math.round(value * 100);
  return (
    <span className="flex items-center gap-2">
      <span className="tabular-nums" data-testid="confidence">
        {formatConfidence(value)}
      </span>
      <span
        className="h-1.5 w-24 overflow-hidden rounded-full bg-zinc-100"
        role="meter"
        aria-label="Confidence"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span className={`block h-full rounded-full ${pct < 50 ? "bg-amber-500" : "bg-accent-500"}`} style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}

function ClaimLine({
  isReviewer,
  needsManager,
  claim,
  claimError,
}: {
  isReviewer: boolean;
  needsManager: boolean;
  claim: { mine: boolean; by: string | null; until: string | null } | null;
  claimError: string | null;
}) {
  let text: React.ReactNode;
  let tone = "text-zinc-500";
  if (!isReviewer) text = "You can look at this action; deciding needs the reviewer role.";
  else if (needsManager) {
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

function ResultCard({ a }: { a: ActionDetail }) {
  const s = statusLabel(a);
  const by = a.decidedBy ?? (a.status === "expired" ? "Warden" : null);
  return (
    <Card aria-labelledby="result-title">
      <div className="px-4 py-3">
        <h2 id="result-title" className="text-sm font-semibold text-zinc-900">
          {s.label}
          {by ? <span className="font-normal text-zinc-600"> by {by}</span> : null}
          {a.decidedAt ? (
            <span className="font-normal text-zinc-500">
              {" "}
              · <Time iso={a.decidedAt} relative />
            </span>
          ) : null}
        </h2>
        {a.route === "execute" ? <p className="mt-1 text-[13px] text-zinc-600">This action did not need a person: {a.reason}</p> : null}
        {a.route === "halted" ? <p className="mt-1 text-[13px] text-zinc-600">{a.reason}</p> : null}
        {a.decisionReason ? (
          <p className="mt-1.5 text-[13px] text-zinc-700">
            <span className="text-zinc-500">{a.status === "rejected" || a.status === "discarded" || a.status === "expired" ? "Reason: " : "Comment: "}</span>
            {a.decisionReason}
          </p>
        ) : null}
        {a.outcomeError ? <p className="mt-1.5 text-[13px] text-red-700">Execution error: {a.outcomeError}</p> : null}
      </div>
      {a.changes.length > 0 ? (
        <div className="border-t border-zinc-100 px-4 py-3">
          <p className="mb-2 text-xs font-medium text-zinc-500">
            {a.changes.length === 1 ? "1 field was changed" : `${a.changes.length} fields were changed`} from the proposal
          </p>
          <ChangeList changes={a.changes} afterLabel={a.executedPayload ? "Executed" : "Approved"} />
        </div>
      ) : null}
    </Card>
  );
}
