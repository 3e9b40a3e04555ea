"use client";

import { useState } from "react";
import { signOffInput, type AutonomyChangeView } from "@/lib/autonomy/schemas";
import { Button } from "../ui/button";
import { Dialog, DialogActions } from "../ui/dialog";
import { ReasonField } from "../ui/reason-field";
import { Time } from "../ui/time";
import { ClockIcon } from "../ui/icons";
import { ChangeForm, useChangeForm } from "./change-form";
import { closeUnlessBusy, useAutonomyChange, type Change } from "./use-change";

type Body = { approve: boolean; reason?: string };

/**
 * A pending 1 → 0 request on a card: who asked and why, and for admins Approve / Deny. The
 * requester cannot sign off their own request (two-person rule; the server refuses it too).
 */
export function PendingRequest({
  typeKey,
  request,
  canSignOff,
  blocked,
  isOwn,
  onDone,
}: {
  typeKey: string;
  request: AutonomyChangeView;
  canSignOff: boolean;
  /** Put on the blocked list since the request: it can only be denied (the server refuses the rest). */
  blocked: boolean;
  isOwn: boolean;
  onDone: (change: AutonomyChangeView) => void;
}) {
  const [open, setOpen] = useState<"approve" | "deny" | null>(null);
  const change = useAutonomyChange<Body>(`/api/console/autonomy/requests/${encodeURIComponent(request.id)}/sign-off`, (c) => {
    setOpen(null);
    onDone(c);
  });
  const close = closeUnlessBusy(change, () => setOpen(null));
  const noteId = `own-request-${request.id}`;
  const blockedId = `blocked-request-${request.id}`;

  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5" data-testid="pending-request">
      <div className="flex items-start gap-2">
        <ClockIcon className="mt-0.5 size-4 shrink-0 text-amber-700" />
        <div className="min-w-0 flex-1">
          <p className="text-[13px] font-medium text-amber-950">Level 0 requested, waiting for an admin&apos;s sign-off</p>
          <p className="mt-0.5 text-xs text-amber-900">
            By {request.by ?? "a deleted user"} · <Time iso={request.createdAt} relative />
          </p>
          <p className="mt-1 text-[13px] break-words text-amber-950">“{request.reason}”</p>
          {canSignOff && isOwn ? (
            <p id={noteId} className="mt-2 text-xs font-medium text-amber-900">
              You made this request: a different admin must sign it off.
            </p>
          ) : null}
          {!canSignOff ? <p className="mt-2 text-xs text-amber-900">An admin other than the requester approves or denies it.</p> : null}
          {canSignOff && blocked ? (
            <p id={blockedId} className="mt-2 text-xs font-medium text-amber-900">
              The type is on the blocked list now, so it cannot go to level 0: deny the request.
            </p>
          ) : null}
        </div>
      </div>
      {canSignOff ? (
        <div className="mt-2.5 flex justify-end gap-2">
          <Button size="sm" variant="danger-outline" disabled={isOwn} aria-describedby={isOwn ? noteId : undefined} onClick={() => setOpen("deny")}>
            Deny
          </Button>
          <Button
            size="sm"
            variant="primary"
            disabled={isOwn || blocked}
            aria-describedby={[isOwn ? noteId : null, blocked ? blockedId : null].filter(Boolean).join(" ") || undefined}
            onClick={() => setOpen("approve")}
          >
            Approve
          </Button>
        </div>
      ) : null}
      <Dialog
        open={open === "approve"}
        onClose={close}
        width="max-w-lg"
        title={`Approve level 0 for ${typeKey}?`}
        description="The agent will act at once, with no one looking first. Metrics and drift are still watched, and the type is demoted automatically if its audit or execution failures cross their thresholds."
      >
        <SignOffForm approve change={change} onCancel={close} />
      </Dialog>
      <Dialog
        open={open === "deny"}
        onClose={close}
        title={`Deny level 0 for ${typeKey}?`}
        description="The type stays at level 1. The requester sees your reason in the history."
      >
        <SignOffForm approve={false} change={change} onCancel={close} />
      </Dialog>
    </div>
  );
}

function SignOffForm({ approve, change, onCancel }: { approve: boolean; change: Change<Body>; onCancel: () => void }) {
  const form = useChangeForm(change);
  return (
    <ChangeForm form={form} onSubmit={() => form.submit(signOffInput.safeParse({ approve, ...(form.reason.trim() ? { reason: form.reason } : {}) }))}>
      <ReasonField
        {...form.reasonField}
        label={approve ? "Note" : "Reason"}
        optional={approve}
        hint={approve ? "Kept with the change; the request's reason is used when empty." : "Required: the type stays at level 1."}
      />
      <DialogActions pending={change.busy} onCancel={onCancel} confirm={approve ? "Approve level 0" : "Deny request"} variant={approve ? "primary" : "danger"} />
    </ChangeForm>
  );
}
