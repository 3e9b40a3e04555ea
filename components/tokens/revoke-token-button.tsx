"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { api, errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";

/** "Revoke" with a confirmation step; the token stops working the moment this succeeds. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [refreshing, startTransition] = useTransition();

  const revoke = useMutation({
    mutationFn: () => api(`/api/console/tokens/${encodeURIComponent(tokenId)}/revoke`, { method: "POST", body: {} }),
    onSuccess: () =>
      startTransition(() => {
        router.refresh();
        setOpen(false);
      }),
  });
  const close = () => {
    if (revoke.isPending || refreshing) return;
    revoke.reset();
    setOpen(false);
  };

  return (
    <>
      <Button size="sm" variant="danger-outline" onClick={() => setOpen(true)} aria-label={`Revoke token ${name}`}>
        Revoke
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Revoke the token “${name}”?`}
        description="Scripts using it are refused from their next request on. This cannot be undone; create a new token if they still need access."
      >
        {revoke.error ? <Alert className="mb-3">{errorMessage(revoke.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" disabled={revoke.isPending || refreshing} onClick={close}>
            Cancel
          </Button>
          <Button variant="danger" pending={revoke.isPending || refreshing} onClick={() => revoke.mutate()}>
            Revoke token
          </Button>
        </div>
      </Dialog>
    </>
  );
}
