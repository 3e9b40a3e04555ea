"use client";

import { useState } from "react";
import type { QueueItem } from "@/lib/review/schemas";
import { errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogActions, DialogForm } from "../ui/dialog";
import { ReasonField } from "../ui/reason-field";
import { humanizeTimes } from "./clock";

const plural = (n: number) => `${n} ${n === 1 ? "action" : "actions"}`;

export type BulkPlan = { ok: QueueItem[]; left: { item: QueueItem; why: string }[] };

/** The bar above the ticked rows: how many, and the two bulk decisions with their counts. */
export function BulkBar({
  count,
  approvable,
  onApprove,
  onReject,
  onClear,
}: {
  count: number;
  approvable: number;
  onApprove: () => void;
  onReject: () => void;
  onClear: () => void;
}) {
  return (
    <div role="group" aria-label="Bulk decisions" className="flex flex-wrap items-center gap-2 border-b border-accent-200 bg-accent-50 px-4 py-2" data-testid="bulk-bar">
      <span className="mr-auto text-[13px] font-medium text-zinc-900" aria-live="polite">
        {count} selected
      </span>
      <Button size="sm" variant="primary" onClick={onApprove} disabled={approvable === 0}>
        Approve {approvable === count ? count : `${approvable} of ${count}`}
      </Button>
      <Button size="sm" variant="danger-outline" onClick={onReject}>
        Reject {count}
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}

/** What a bulk decision covers, named in the dialog: the type and subject of each item. */
function ItemList({ items }: { items: QueueItem[] }) {
  return (
    // Focusable: a long list scrolls from the keyboard too.
    <ul tabIndex={0} aria-label="The selected actions" className="max-h-40 divide-y divide-zinc-100 overflow-y-auto rounded-md border border-zinc-200 text-[13px] outline-none focus-visible:ring-2 focus-visible:ring-accent-500">
      {items.map((i) => (
        <li key={i.id} className="truncate px-3 py-1.5">
          <span className="font-medium text-zinc-900">{i.type}</span>
          {i.subject ? <span className="text-zinc-600"> · {i.subject}</span> : null}
          <span className="text-zinc-600"> · {i.agentName}</span>
        </li>
      ))}
    </ul>
  );
}

/** Confirms a bulk approval, naming the count and the items left out (and why). */
export function BulkApproveDialog({
  plan,
  open,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  plan: BulkPlan;
  open: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const n = plan.ok.length;
  return (
    <Dialog
      open={open}
      onClose={() => !pending && onClose()}
      title={`Approve ${plural(n)}?`}
      description="Each agent is told to act with its payload as proposed. This cannot be undone."
    >
      {open ? (
        <DialogForm onSubmit={onConfirm}>
          {error ? <Alert>{humanizeTimes(errorMessage(error))}</Alert> : null}
          <ItemList items={plan.ok} />
          {plan.left.length ? (
            <Alert tone="warning" title={`${plural(plan.left.length)} left out, to decide one at a time`}>
              <ul className="mt-1 list-disc pl-4">
                {plan.left.map(({ item, why }) => (
                  <li key={item.id}>
                    {item.type}
                    {item.subject ? ` · ${item.subject}` : ""}: {why}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <DialogActions confirm={`Approve ${plural(n)}`} onCancel={onClose} pending={pending} flush />
        </DialogForm>
      ) : null}
    </Dialog>
  );
}

/** Asks for the one reason a bulk rejection is kept with, naming the count. */
export function BulkRejectDialog({
  items,
  open,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  items: QueueItem[];
  open: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={() => !pending && onClose()}
      title={`Reject ${plural(items.length)}?`}
      description="Each agent is told not to act, with your reason. This cannot be undone."
    >
      {open ? <RejectForm items={items} pending={pending} error={error} onCancel={onClose} onConfirm={onConfirm} /> : null}
    </Dialog>
  );
}

function RejectForm({ items, pending, error, onCancel, onConfirm }: { items: QueueItem[]; pending: boolean; error: unknown; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <DialogForm
      onSubmit={() => {
        if (!reason.trim()) return setMissing(true);
        onConfirm(reason.trim());
      }}
    >
      {error ? <Alert>{humanizeTimes(errorMessage(error))}</Alert> : null}
      <ItemList items={items} />
      <ReasonField
        value={reason}
        onChange={(v) => {
          setReason(v);
          if (v.trim()) setMissing(false);
        }}
        error={missing ? "A reason is required." : undefined}
        hint="Every agent receives it, and it is kept with each decision."
      />
      <DialogActions confirm={`Reject ${plural(items.length)}`} onCancel={onCancel} pending={pending} variant="danger" flush />
    </DialogForm>
  );
}
