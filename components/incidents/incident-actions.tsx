"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { IncidentView } from "@/lib/incidents/schemas";
import { api, errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogActions, DialogForm } from "../ui/dialog";
import { ReasonField } from "../ui/reason-field";

type Step = "acknowledge" | "resolve";

const COPY: Record<Step, { title: string; description: string; label: string; hint: string; confirm: string }> = {
  acknowledge: {
    title: "Acknowledge this incident?",
    description: "Tells everyone you are on it. It stays on the list until it is resolved.",
    label: "Note",
    hint: "Optional: what you are looking at.",
    confirm: "Acknowledge",
  },
  resolve: {
    title: "Resolve this incident?",
    description: "Closes it for good. Say what was done, for whoever reads it later.",
    label: "What was done",
    hint: "Required; kept with the incident and in the audit log.",
    confirm: "Resolve",
  },
};

/** Acknowledge and resolve, each with its note; exactly once (a late second click is told who was first). */
export function IncidentActions({ incident }: { incident: IncidentView }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [refreshing, startTransition] = useTransition();
  const [step, setStep] = useState<Step | null>(null);
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);

  const act = useMutation({
    mutationFn: (s: Step) => api<IncidentView>(`/api/console/incidents/${incident.id}/${s}`, { method: "POST", body: note.trim() ? { note: note.trim() } : {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["incident-counts"] });
      startTransition(() => {
        router.refresh();
        setStep(null);
        setNote("");
      });
    },
  });
  const close = () => {
    if (act.isPending) return;
    act.reset();
    setMissing(false);
    setStep(null);
  };
  if (incident.status === "resolved") return null;
  const copy = step ? COPY[step] : null;
  return (
    <div className="flex gap-2">
      {incident.status === "open" ? (
        <Button variant="secondary" onClick={() => setStep("acknowledge")}>
          Acknowledge
        </Button>
      ) : null}
      <Button variant="primary" onClick={() => setStep("resolve")}>
        Resolve
      </Button>
      <Dialog open={step !== null} onClose={close} title={copy?.title ?? ""} description={copy?.description}>
        {step && copy ? (
          <DialogForm
            onSubmit={() => {
              if (step === "resolve" && note.trim().length < 3) {
                setMissing(true);
                return;
              }
              act.mutate(step);
            }}
          >
            {act.error ? <Alert>{errorMessage(act.error)}</Alert> : null}
            <ReasonField
              value={note}
              onChange={(v) => {
                setNote(v);
                if (v.trim().length >= 3) setMissing(false);
              }}
              label={copy.label}
              hint={copy.hint}
              optional={step === "acknowledge"}
              error={missing ? "Say what was done (at least 3 characters)." : undefined}
            />
            <DialogActions confirm={copy.confirm} onCancel={close} pending={act.isPending || refreshing} flush />
          </DialogForm>
        ) : null}
      </Dialog>
    </div>
  );
}
