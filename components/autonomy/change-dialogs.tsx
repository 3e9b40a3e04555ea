"use client";

import { useId, useState } from "react";
import type { BoardType } from "@/lib/autonomy";
import { demoteInput, promoteInput, requestAutonomyInput, type AutonomyChangeView } from "@/lib/autonomy/schemas";
import { errorMessage } from "../api";
import { issuesByField } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { capitalize, checkNeed, checkValues } from "./format";
import { levelLabel } from "../action-types/levels";
import { CheckList } from "./progress";
import { ReasonField } from "./reason-field";
import { serverFieldErrors, useAutonomyChange, type Change } from "./use-change";

type DialogProps = { type: BoardType; open: boolean; onClose: () => void; onDone: (change: AutonomyChangeView) => void };

const base = (key: string) => `/api/console/autonomy/${encodeURIComponent(key)}`;

/** A form-level error: anything the server said that does not belong to one field. */
function FormError({ error, fields }: { error: unknown; fields: Record<string, string> }) {
  if (!error || Object.keys(fields).length > 0) return null;
  return <Alert>{errorMessage(error)}</Alert>;
}

function Actions({ busy, onCancel, confirm, variant = "primary" }: { busy: boolean; onCancel: () => void; confirm: string; variant?: "primary" | "danger" }) {
  return (
    <div className="flex justify-end gap-2 pt-1">
      <Button variant="ghost" disabled={busy} onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} pending={busy}>
        {confirm}
      </Button>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Promote (3 → 2, 2 → 1)

export function PromoteDialog({ type, open, onClose, onDone }: DialogProps) {
  const next = type.eligibility.nextLevel ?? type.level - 1;
  const change = useAutonomyChange<{ reason: string; override: boolean; expectedLevel?: number }>(`${base(type.key)}/promote`, onDone);
  const close = () => {
    if (change.busy) return;
    change.mutation.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      width="max-w-lg"
      title={`Promote ${type.key} to level ${levelLabel(next)}`}
      description={`From level ${levelLabel(type.level)}. Agents get the new route on their very next request.`}
    >
      <PromoteForm type={type} next={next} change={change} onCancel={close} />
    </Dialog>
  );
}

function PromoteForm({
  type,
  next,
  change,
  onCancel,
}: {
  type: BoardType;
  next: number;
  change: Change<{ reason: string; override: boolean }>;
  onCancel: () => void;
}) {
  const eligible = type.eligibility.eligible;
  const [reason, setReason] = useState("");
  const [override, setOverride] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const overrideId = useId();
  const server = serverFieldErrors(change.mutation.error);
  const fieldErrors = { ...server, ...errors };
  const failing = type.eligibility.checks.filter((c) => !c.ok);

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = promoteInput.safeParse({ reason, override: eligible ? false : override, expectedLevel: type.level });
        const found: Record<string, string> = parsed.success ? {} : issuesByField(parsed.error.issues);
        if (!eligible && !override) found.override = "Tick the override to promote a type that is not eligible.";
        setErrors(found);
        if (!parsed.success || found.override) return;
        change.mutation.mutate(parsed.data);
      }}
    >
      <FormError error={change.mutation.error} fields={server} />
      {eligible ? (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2.5">
          <p className="text-[13px] font-medium text-emerald-900">Eligible: the evidence meets every threshold for level {next}.</p>
          <div className="mt-2">
            <CheckList checks={type.eligibility.checks} compact />
          </div>
        </div>
      ) : (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5">
          <p className="text-[13px] font-medium text-amber-950">Not eligible for level {next}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-4 text-[13px] text-amber-900">
            {failing.map((c) => (
              <li key={c.label}>
                {capitalize(c.label)}: {checkValues(c).actual}, {checkNeed(c)}
              </li>
            ))}
          </ul>
          <div className="mt-3 flex items-start gap-2">
            <input
              id={overrideId}
              type="checkbox"
              checked={override}
              onChange={(e) => {
                setOverride(e.target.checked);
                if (e.target.checked) setErrors(({ override: _, ...rest }) => rest);
              }}
              aria-invalid={fieldErrors.override ? true : undefined}
              aria-describedby={`${overrideId}-hint${fieldErrors.override ? ` ${overrideId}-error` : ""}`}
              className="mt-0.5 size-4 shrink-0 rounded border-zinc-300 accent-amber-600"
            />
            <div>
              <label htmlFor={overrideId} className="text-[13px] font-medium text-amber-950">
                Override: promote although not eligible
              </label>
              <p id={`${overrideId}-hint`} className="text-xs text-amber-900">
                The change is flagged as an override in the history and the audit log, together with the evidence it went against.
              </p>
              {fieldErrors.override ? (
                <p id={`${overrideId}-error`} className="mt-1 text-[13px] text-red-700">
                  {fieldErrors.override}
                </p>
              ) : null}
            </div>
          </div>
        </div>
      )}
      <ReasonField
        value={reason}
        onChange={(v) => {
          setReason(v);
          if (v.trim().length >= 3) setErrors(({ reason: _, ...rest }) => rest);
        }}
        error={fieldErrors.reason}
        placeholder={eligible ? "e.g. 120 reviewed with 97% accepted; the team is ready" : "Why promote without the evidence"}
      />
      <Actions busy={change.busy} onCancel={onCancel} confirm={eligible ? `Promote to level ${next}` : `Override and promote to level ${next}`} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Demote (any level above the current one, at once)

export function DemoteDialog({ type, open, onClose, onDone }: DialogProps) {
  const change = useAutonomyChange<{ toLevel: number; reason: string; expectedLevel?: number }>(`${base(type.key)}/demote`, onDone);
  const close = () => {
    if (change.busy) return;
    change.mutation.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Demote ${type.key}`}
      description={`Now at level ${levelLabel(type.level)}. A demotion takes effect at once, for the next request.`}
    >
      <DemoteForm type={type} change={change} onCancel={close} />
    </Dialog>
  );
}

function DemoteForm({
  type,
  change,
  onCancel,
}: {
  type: BoardType;
  change: Change<{ toLevel: number; reason: string }>;
  onCancel: () => void;
}) {
  const targets = [1, 2, 3].filter((l) => l > type.level);
  const [toLevel, setToLevel] = useState(targets[0] ?? 3);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(change.mutation.error);
  const fieldErrors = { ...server, ...errors };
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = demoteInput.safeParse({ toLevel, reason, expectedLevel: type.level });
        if (!parsed.success) {
          setErrors(issuesByField(parsed.error.issues));
          return;
        }
        setErrors({});
        change.mutation.mutate(parsed.data);
      }}
    >
      <FormError error={change.mutation.error} fields={server} />
      <Field label="New level" error={fieldErrors.toLevel}>
        {(p) => (
          <Select {...p} name="toLevel" value={toLevel} onChange={(e) => setToLevel(Number(e.target.value))}>
            {targets.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <ReasonField
        value={reason}
        onChange={(v) => {
          setReason(v);
          if (v.trim().length >= 3) setErrors(({ reason: _, ...rest }) => rest);
        }}
        error={fieldErrors.reason}
        placeholder="e.g. two wrong refunds this morning"
      />
      <Actions busy={change.busy} onCancel={onCancel} confirm={`Demote to level ${toLevel}`} variant="danger" />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Request full autonomy (1 → 0), which a different admin signs off

export function RequestDialog({ type, open, onClose, onDone }: DialogProps) {
  const change = useAutonomyChange<{ reason: string }>(`${base(type.key)}/request`, onDone);
  const close = () => {
    if (change.busy) return;
    change.mutation.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      width="max-w-lg"
      title={`Request level 0 for ${type.key}`}
      description="Full autonomy: the agent acts without anyone looking first. The request waits until an admin other than you signs it off."
    >
      <RequestForm change={change} onCancel={close} />
    </Dialog>
  );
}

function RequestForm({ change, onCancel }: { change: Change<{ reason: string }>; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(change.mutation.error);
  const fieldErrors = { ...server, ...errors };
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = requestAutonomyInput.safeParse({ reason });
        if (!parsed.success) {
          setErrors(issuesByField(parsed.error.issues));
          return;
        }
        setErrors({});
        change.mutation.mutate(parsed.data);
      }}
    >
      <FormError error={change.mutation.error} fields={server} />
      <ReasonField
        value={reason}
        onChange={(v) => {
          setReason(v);
          if (v.trim().length >= 3) setErrors({});
        }}
        error={fieldErrors.reason}
        hint="The signing admin sees it with the evidence at the time of the request."
        placeholder="e.g. 3 months at level 1 with a 99.6% audit pass rate"
      />
      <Actions busy={change.busy} onCancel={onCancel} confirm="Request level 0" />
    </form>
  );
}
