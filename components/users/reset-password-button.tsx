"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { PasswordResetView } from "@/lib/users/schemas";
import { api, errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { SecretOnce } from "../ui/secret-once";

/**
 * "Reset password" with a confirmation step; the generated one-time password is shown once, in
 * the dialog, and forgotten when it closes.
 */
export function ResetPasswordButton({ userId, email }: { userId: string; email: string }) {
  const [open, setOpen] = useState(false);
  const reset = useMutation({
    mutationFn: () => api<PasswordResetView>(`/api/console/users/${encodeURIComponent(userId)}/password`, { method: "POST", body: {} }),
  });
  const close = () => {
    if (reset.isPending) return;
    reset.reset();
    setOpen(false);
  };

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Reset password
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={reset.data ? `New password for ${email}` : `Reset the password of ${email}?`}
        description={
          reset.data
            ? undefined
            : "Warden generates a one-time password for you to pass on. Their current password stops working and every session they have open is signed out."
        }
      >
        {reset.data ? (
          <SecretOnce
            titleId="reset-password-title"
            title="Copy the one-time password now"
            note="You will not see it again. Give it to them through a channel you trust; they can choose their own under Account once signed in."
            secret={reset.data.password}
            copyLabel="Copy password"
            testId="one-time-password"
            onDone={close}
          />
        ) : (
          <>
            {reset.error ? <Alert className="mb-3">{errorMessage(reset.error)}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" disabled={reset.isPending} onClick={close}>
                Cancel
              </Button>
              <Button variant="danger" pending={reset.isPending} onClick={() => reset.mutate()}>
                Reset password
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
