"use client";

import { useState } from "react";
import { errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { Dialog, DialogActions, DialogForm } from "../ui/dialog";
import { ReasonField } from "../ui/reason-field";
import { humanizeTimes } from "./clock";

export type ReasonCopy = { title: string; description: string; label: string; hint: string; confirm: string };

/** Asks for the required reason of a rejection or a discard. */
export function ReasonDialog({
  open,
  onClose,
  copy,
  pending,
  error,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  copy: ReasonCopy;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
}) {
  return (
    <Dialog open={open} onClose={() => !pending && onClose()} title={copy.title} description={copy.description}>
      {open ? <ReasonForm copy={copy} pending={pending} error={error} onCancel={onClose} onConfirm={onConfirm} /> : null}
    </Dialog>
  );
}

function ReasonForm({ copy, pending, error, onCancel, onConfirm }: { copy: ReasonCopy; pending: boolean; error: unknown; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <DialogForm
      onSubmit={() => {
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        onConfirm(reason.trim());
      }}
    >
      {error ? <Alert>{humanizeTimes(errorMessage(error))}</Alert> : null}
      <ReasonField
        value={reason}
        onChange={(v) => {
          setReason(v);
          if (v.trim()) setMissing(false);
        }}
        error={missing ? "A reason is required." : undefined}
        label={copy.label}
        hint={copy.hint}
        rows={4}
      />
      <DialogActions confirm={copy.confirm} onCancel={onCancel} pending={pending} variant="danger" flush />
    </DialogForm>
  );
}
