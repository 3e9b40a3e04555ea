"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ChannelDetailView, ChannelView, DeliveryView } from "@/lib/alerts/schemas";
import { api, errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { Dialog } from "../ui/dialog";
import { ChannelForm, type KindOption } from "./channel-form";
import { DeliveryLog } from "./delivery-log";

/** A channel's page: settings, the signing secret, the send-test button and the delivery log. */
export function ChannelDetail({ initial, kinds, canManage }: { initial: ChannelDetailView; kinds: KindOption[]; canManage: boolean }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const path = `/api/console/alerts/${initial.channel.id}`;
  // Poll quickly while something is on its way, slowly otherwise.
  const { data } = useQuery({
    queryKey: ["alert-channel", initial.channel.id],
    queryFn: () => api<ChannelDetailView>(path),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.deliveries.some((d) => d.status === "pending") ? 2_000 : 15_000),
  });
  const detail = data ?? initial;
  const c = detail.channel;

  const test = useMutation({ mutationFn: () => api<DeliveryView>(`${path}/test`, { method: "POST", body: {} }) });
  const toggle = useMutation({
    mutationFn: () => api<ChannelView>(path, { method: "PATCH", body: { enabled: !c.enabled, version: c.version } }),
    onSuccess: () => startTransition(() => router.refresh()),
  });

  return (
    <div className="space-y-6">
      <Card aria-labelledby="deliveries-title">
        <CardHeader
          titleId="deliveries-title"
          title="Delivery log"
          description="The latest 50 deliveries and every attempt. Failures are retried with exponential backoff, up to 10 attempts."
          actions={
            canManage ? (
              <Button variant="secondary" pending={test.isPending} disabled={!c.enabled} onClick={() => test.mutate()}>
                Send test
              </Button>
            ) : null
          }
        />
        {test.data ? (
          <div className="border-b border-zinc-200 px-4 py-2.5">
            <Alert tone={test.data.status === "delivered" ? "success" : "warning"}>
              <span data-testid="test-result">
                {test.data.status === "delivered"
                  ? `Test delivered: the receiver answered HTTP ${test.data.log.at(-1)?.statusCode}.`
                  : `Test not delivered yet: ${test.data.lastError ?? "queued"}. It is retried like any alert.`}
              </span>
            </Alert>
          </div>
        ) : test.error ? (
          <div className="border-b border-zinc-200 px-4 py-2.5">
            <Alert>{errorMessage(test.error)}</Alert>
          </div>
        ) : null}
        <DeliveryLog deliveries={detail.deliveries} />
      </Card>
      {canManage ? (
        <>
          <Card aria-labelledby="secret-title">
            <CardHeader titleId="secret-title" title="Signing secret" description="Receivers verify the webhook-signature header with it (any Standard Webhooks library does)." />
            <CardBody className="flex items-center gap-2">
              <code data-testid="channel-secret" className="min-w-0 flex-1 overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-1.5 font-mono text-[13px] whitespace-nowrap select-all">
                {c.secret}
              </code>
              <CopyButton value={c.secret ?? ""} label="Copy secret" size="md" />
            </CardBody>
          </Card>
          <Card aria-labelledby="settings-title">
            <CardHeader
              titleId="settings-title"
              title="Settings"
              actions={
                <Button variant={c.enabled ? "secondary" : "primary"} size="sm" pending={toggle.isPending} onClick={() => toggle.mutate()}>
                  {c.enabled ? "Disable" : "Enable"}
                </Button>
              }
            />
            <CardBody>
              {toggle.error ? <Alert className="mb-3">{errorMessage(toggle.error)}</Alert> : null}
              {c.enabled ? null : (
                <Alert tone="info" className="mb-3">
                  Disabled: nothing is sent to it, and what was waiting was cancelled.
                </Alert>
              )}
              <ChannelForm
                key={c.version}
                initial={c}
                kinds={kinds}
                submitLabel="Save settings"
                onSubmit={async (v) => {
                  const saved = await api<ChannelView>(path, { method: "PATCH", body: { ...v, version: c.version } });
                  startTransition(() => router.refresh());
                  return saved;
                }}
              />
            </CardBody>
          </Card>
          <DeleteChannel id={c.id} name={c.name} />
        </>
      ) : null}
    </div>
  );
}

function DeleteChannel({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const del = useMutation({
    mutationFn: () => api(`/api/console/alerts/${id}`, { method: "DELETE" }),
    onSuccess: () => router.push("/alerts"),
  });
  return (
    <div className="flex justify-end">
      <Button variant="danger-outline" onClick={() => setOpen(true)}>
        Delete channel
      </Button>
      <Dialog open={open} onClose={() => !del.isPending && setOpen(false)} title={`Delete ${name}?`} description="Its delivery log goes with it. Incidents stay.">
        {del.error ? <Alert className="mb-3">{errorMessage(del.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" disabled={del.isPending} onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button variant="danger" pending={del.isPending} onClick={() => del.mutate()}>
            Delete channel
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
