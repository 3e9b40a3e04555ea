"use client";

import { useState } from "react";
import type { AutonomyChangeView } from "@/lib/autonomy/schemas";
import { errorMessage } from "../api";
import { issuesByField } from "../text";
import { Alert } from "../ui/alert";
import { Dialog, DialogForm } from "../ui/dialog";
import { closeUnlessBusy, serverFieldErrors, useAutonomyChange, type Change } from "./use-change";

/** A level change in a dialog: `children` renders its form, given the change and the dialog's close. */
export function ChangeDialog<B>({
  path,
  open,
  onClose,
  onDone,
  title,
  description,
  width,
  children,
}: {
  path: string;
  open: boolean;
  onClose: () => void;
  onDone: (change: AutonomyChangeView) => void;
  title: string;
  description: string;
  width?: string;
  children: (change: Change<B>, close: () => void) => React.ReactNode;
}) {
  const change = useAutonomyChange<B>(path, onDone);
  const close = closeUnlessBusy(change, onClose);
  return (
    <Dialog open={open} onClose={close} width={width} title={title} description={description}>
      {children(change, close)}
    </Dialog>
  );
}

type Parsed<B> = { success: true; data: B } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };

/**
 * The state of a level-change form: its reason and its field errors, the form's own checks over
 * the server's. `submit` sends the parsed body unless the parse, or `extra` checks, found a problem.
 */
export function useChangeForm<B>(change: Change<B>) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(change.mutation.error);
  const fieldErrors = { ...server, ...errors };
  const clearError = (field: string) => setErrors(({ [field]: _, ...rest }) => rest);
  return {
    change,
    server,
    fieldErrors,
    clearError,
    reason,
    /** The wiring of the form's ReasonField. */
    reasonField: {
      value: reason,
      onChange: (v: string) => {
        setReason(v);
        if (v.trim().length >= 3) clearError("reason");
      },
      error: fieldErrors.reason,
    },
    submit: (parsed: Parsed<B>, extra: Record<string, string> = {}) => {
      const found = { ...(parsed.success ? {} : issuesByField(parsed.error.issues)), ...extra };
      setErrors(found);
      if (parsed.success && Object.keys(extra).length === 0) change.mutation.mutate(parsed.data);
    },
  };
}

export type ChangeFormState<B> = ReturnType<typeof useChangeForm<B>>;

/** The form around a change's fields, with the server's error when it belongs to no field. */
export function ChangeForm<B>({ form, onSubmit, children }: { form: ChangeFormState<B>; onSubmit: () => void; children: React.ReactNode }) {
  const error = form.change.mutation.error;
  return (
    <DialogForm onSubmit={onSubmit}>
      {error && Object.keys(form.server).length === 0 ? <Alert>{errorMessage(error)}</Alert> : null}
      {children}
    </DialogForm>
  );
}
