"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { api, errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";

/** "Revoke" with a confirmation step; the key stops working the moment this succeeds. */
export function RevokeKeyButton({ agentId, keyId, label }: { agentId: string; keyId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [refreshing, startTransition] = useTransition();

  const revoke = useMutation({
    mutationFn: () =>
      api(`/api/console/agents/${encodeURIComponent(agentId)}/keys/${encodeURIComponent(keyId)}/revoke`, { method: "POST", body: {} }),
    onSuccess: () => {
      startTransition(() => {
        router.refresh();
        setOpen(false);
      });
    },
  });

  return (
    <>
      <Button size="sm" variant="danger-outline" onClick={() => setOpen(true)}>
        Revoke
      </Button>
      <Dialog
        open={open}
        onClose={() => {
          if (!revoke.isPending) {
            revoke.reset();
            setOpen(false);
          }
        }}
        title={`Revoke ${label}?`}
        description="Agents using this key are refused from the next request on. This cannot be undone; create a new key if the agent still needs access."
      >
        {revoke.error ? <Alert className="mb-3">{errorMessage(revoke.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button
            variant="ghost"
            disabled={revoke.isPending}
            onClick={() => {
              revoke.reset();
              setOpen(false);
            }}
          >
            Cancel
          </Button>
          <Button variant="danger" pending={revoke.isPending || refreshing} onClick={() => revoke.mutate()}>
            Revoke key
          </Button>
        </div>
      </Dialog>
    </>
  );
}
