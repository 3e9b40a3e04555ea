"use client";

import { useState } from "react";
import { errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field } from "../ui/field";
import { Textarea } from "../ui/input";
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
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        onConfirm(reason.trim());
      }}
    >
      {error ? <Alert>{humanizeTimes(errorMessage(error))}</Alert> : null}
      <Field label={copy.label} hint={copy.hint} error={missing ? "A reason is required." : undefined}>
        {(p) => (
          <Textarea
            {...p}
            name="reason"
            rows={4}
            maxLength={2000}
            autoFocus
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
          />
        )}
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" pending={pending}>
          {copy.confirm}
        </Button>
      </div>
    </form>
  );
}
