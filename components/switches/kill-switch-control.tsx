"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { BlastRadius } from "@/lib/switches/schemas";
import { api, errorMessage } from "../api";
import { formatCount } from "../format";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Dialog, DialogActions, DialogForm } from "../ui/dialog";
import { ReasonField } from "../ui/reason-field";
import { Spinner } from "../ui/spinner";
import { Time } from "../ui/time";
import { SWITCHES_QUERY } from "./kill-switch-banner";

export type SwitchTarget = { kind: "global" } | { kind: "agent"; agentId: string; name: string } | { kind: "action_type"; key: string };

export type SwitchState = { on: boolean; reason: string | null; changedAt: string | null; changedBy?: string | null };

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

function who(t: SwitchTarget): string {
  return t.kind === "global" ? "every agent" : t.kind === "agent" ? t.name : `every ${t.key} request`;
}

function radiusQuery(t: SwitchTarget): string {
  if (t.kind === "global") return "scope=global";
  if (t.kind === "agent") return `scope=agent&agentId=${encodeURIComponent(t.agentId)}`;
  return `scope=action_type&key=${encodeURIComponent(t.key)}`;
}

function flip(t: SwitchTarget, on: boolean, reason: string) {
  const body = { reason: reason || undefined };
  if (t.kind === "global") return api("/api/console/kill-switches/global", { method: "PUT", body: { on, ...body } });
  if (t.kind === "agent") return api(`/api/console/agents/${encodeURIComponent(t.agentId)}/controls`, { method: "PATCH", body: { killSwitch: on, ...body } });
  return api(`/api/console/action-types/${encodeURIComponent(t.key)}/kill-switch`, { method: "PUT", body: { on, ...body } });
}

/** What turning the switch on stops, counted on the server when the dialog opens. */
function BlastRadiusText({ target }: { target: SwitchTarget }) {
  const { data, error, isPending } = useQuery({
    queryKey: ["blast-radius", radiusQuery(target)],
    queryFn: () => api<BlastRadius>(`/api/console/kill-switches/blast-radius?${radiusQuery(target)}`),
    staleTime: 0,
  });
  if (isPending) {
    return (
      <p className="flex items-center gap-2 text-zinc-500">
        <Spinner /> Counting what this stops…
      </p>
    );
  }
  if (error) return <Alert>{errorMessage(error)}</Alert>;
  const runs = data.runningRuns === null ? null : plural(data.runningRuns, "running run");
  return (
    <p data-testid="blast-radius" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-900">
      This halts <strong>{plural(data.pendingActions, "pending action")}</strong> at once (agents waiting on them are told halted)
      {runs ? (
        <>
          {" "}
          and tells <strong>{runs}</strong> to stop at their next span batch
        </>
      ) : null}
      . Every new request from {who(target)} is halted until the switch is turned off.
    </p>
  );
}

/**
 * A kill switch with its state, and for managers the button that flips it. Turning it on asks
 * for confirmation naming the blast radius; turning it off says what happens next.
 */
export function KillSwitchControl({ target, state, canFlip, title = "Kill switch", description }: { target: SwitchTarget; state: SwitchState; canFlip: boolean; title?: string; description?: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [refreshing, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const next = !state.on;

  const mutation = useMutation({
    mutationFn: () => flip(target, next, reason.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SWITCHES_QUERY });
      void queryClient.invalidateQueries({ queryKey: ["incident-counts"] });
      startTransition(() => {
        router.refresh();
        setOpen(false);
        setReason("");
      });
    },
  });
  const close = () => {
    if (mutation.isPending) return;
    mutation.reset();
    setOpen(false);
  };
  const label = target.kind === "global" ? "global kill switch" : "kill switch";

  return (
    <Card aria-labelledby={`ks-${target.kind}`}>
      <CardHeader
        titleId={`ks-${target.kind}`}
        title={title}
        description={description}
        actions={
          canFlip ? (
            <Button variant={state.on ? "secondary" : "danger"} size="sm" onClick={() => setOpen(true)}>
              {state.on ? `Turn off ${label}` : `Turn on ${label}`}
            </Button>
          ) : null
        }
      />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-[13px]" data-testid={`kill-switch-state-${target.kind}`}>
        {state.on ? (
          <Badge tone="red" dot>
            On
          </Badge>
        ) : (
          <Badge tone="green" dot>
            Off
          </Badge>
        )}
        <span className="text-zinc-700">
          {state.on ? (state.reason ?? "No reason given.") : target.kind === "global" ? "Agents act under their own switches and limits." : `${target.kind === "agent" ? "The agent" : "The type"} acts normally.`}
        </span>
        {state.changedAt ? (
          <span className="text-xs text-zinc-500">
            {state.on ? "On since" : "Last changed"} <Time iso={state.changedAt} relative />
            {state.changedBy ? ` by ${state.changedBy}` : null}
          </span>
        ) : null}
        {!canFlip ? <span className="text-xs text-zinc-500">Only managers and admins can flip it.</span> : null}
      </div>
      <Dialog
        open={open}
        onClose={close}
        title={next ? `Turn on the ${label}${target.kind === "agent" ? ` for ${target.name}` : target.kind === "action_type" ? ` for ${target.key}` : ""}?` : `Turn off the ${label}?`}
        description={
          next
            ? undefined
            : `${target.kind === "global" ? "Agents" : target.kind === "agent" ? target.name : `Requests of ${target.key}`} may act again from the next request. Actions already halted stay halted.`
        }
        width="max-w-lg"
      >
        {open ? (
          <DialogForm onSubmit={() => mutation.mutate()}>
            {next ? <BlastRadiusText target={target} /> : null}
            {mutation.error ? <Alert>{errorMessage(mutation.error)}</Alert> : null}
            <ReasonField value={reason} onChange={setReason} optional label="Reason" hint="Shown in the banner, the incident and the audit log." rows={2} />
            <DialogActions
              confirm={next ? `Turn on ${label}` : `Turn off ${label}`}
              onCancel={close}
              pending={mutation.isPending || refreshing}
              variant={next ? "danger" : "primary"}
              flush
            />
          </DialogForm>
        ) : null}
      </Dialog>
    </Card>
  );
}
