"use client";

import { useId, useState } from "react";
import type { BoardType } from "@/lib/autonomy";
import { demoteInput, promoteInput, requestAutonomyInput, type AutonomyChangeView } from "@/lib/autonomy/schemas";
import { DialogActions } from "../ui/dialog";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { ReasonField } from "../ui/reason-field";
import { capitalize, checkNeed, checkValues } from "./format";
import { levelLabel } from "../action-types/levels";
import { ChangeDialog, ChangeForm, useChangeForm } from "./change-form";
import { CheckList } from "./progress";
import type { Change } from "./use-change";

type DialogProps = { type: BoardType; open: boolean; onClose: () => void; onDone: (change: AutonomyChangeView) => void };
type PromoteBody = { reason: string; override: boolean; expectedLevel?: number };
type DemoteBody = { toLevel: number; reason: string; expectedLevel?: number };

const base = (key: string) => `/api/console/autonomy/${encodeURIComponent(key)}`;

/** The hint under the reason for a promotion or a demotion. */
const HISTORY_HINT = "Kept in the type's history with the evidence it was based on.";

// ---------------------------------------------------------------------------------------------
// Promote (3 → 2, 2 → 1)

export function PromoteDialog({ type, ...dialog }: DialogProps) {
  const next = type.eligibility.nextLevel ?? type.level - 1;
  return (
    <ChangeDialog<PromoteBody>
      {...dialog}
      path={`${base(type.key)}/promote`}
      width="max-w-lg"
      title={`Promote ${type.key} to level ${levelLabel(next)}`}
      description={`From level ${levelLabel(type.level)}. Agents get the new route on their very next request.`}
    >
      {(change, close) => <PromoteForm type={type} next={next} change={change} onCancel={close} />}
    </ChangeDialog>
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
  change: Change<PromoteBody>;
  onCancel: () => void;
}) {
  const eligible = type.eligibility.eligible;
  const form = useChangeForm(change);
  const [override, setOverride] = useState(false);
  const overrideId = useId();
  const { fieldErrors } = form;
  const failing = type.eligibility.checks.filter((c) => !c.ok);

  return (
    <ChangeForm
      form={form}
      onSubmit={() =>
        form.submit(
          promoteInput.safeParse({ reason: form.reason, override: eligible ? false : override, expectedLevel: type.level }),
          !eligible && !override ? { override: "Tick the override to promote a type that is not eligible." } : {},
        )
      }
    >
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
                if (e.target.checked) form.clearError("override");
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
        {...form.reasonField}
        hint={HISTORY_HINT}
        placeholder={eligible ? "e.g. 120 reviewed with 97% accepted; the team is ready" : "Why promote without the evidence"}
      />
      <DialogActions pending={change.busy} onCancel={onCancel} confirm={eligible ? `Promote to level ${next}` : `Override and promote to level ${next}`} />
    </ChangeForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Demote (any level above the current one, at once)

export function DemoteDialog({ type, ...dialog }: DialogProps) {
  return (
    <ChangeDialog<DemoteBody>
      {...dialog}
      path={`${base(type.key)}/demote`}
      title={`Demote ${type.key}`}
      description={`Now at level ${levelLabel(type.level)}. A demotion takes effect at once, for the next request.`}
    >
      {(change, close) => <DemoteForm type={type} change={change} onCancel={close} />}
    </ChangeDialog>
  );
}

function DemoteForm({
  type,
  change,
  onCancel,
}: {
  type: BoardType;
  change: Change<DemoteBody>;
  onCancel: () => void;
}) {
  const targets = [1, 2, 3].filter((l) => l > type.level);
  const [toLevel, setToLevel] = useState(targets[0] ?? 3);
  const form = useChangeForm(change);
  return (
    <ChangeForm form={form} onSubmit={() => form.submit(demoteInput.safeParse({ toLevel, reason: form.reason, expectedLevel: type.level }))}>
      <Field label="New level" error={form.fieldErrors.toLevel}>
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
      <ReasonField {...form.reasonField} hint={HISTORY_HINT} placeholder="e.g. two wrong refunds this morning" />
      <DialogActions pending={change.busy} onCancel={onCancel} confirm={`Demote to level ${toLevel}`} variant="danger" />
    </ChangeForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Request full autonomy (1 → 0), which a different admin signs off

export function RequestDialog({ type, ...dialog }: DialogProps) {
  return (
    <ChangeDialog<{ reason: string }>
      {...dialog}
      path={`${base(type.key)}/request`}
      width="max-w-lg"
      title={`Request level 0 for ${type.key}`}
      description="Full autonomy: the agent acts without anyone looking first. The request waits until an admin other than you signs it off."
    >
      {(change, close) => <RequestForm change={change} onCancel={close} />}
    </ChangeDialog>
  );
}

function RequestForm({ change, onCancel }: { change: Change<{ reason: string }>; onCancel: () => void }) {
  const form = useChangeForm(change);
  return (
    <ChangeForm form={form} onSubmit={() => form.submit(requestAutonomyInput.safeParse({ reason: form.reason }))}>
      <ReasonField
        {...form.reasonField}
        hint="The signing admin sees it with the evidence at the time of the request."
        placeholder="e.g. 3 months at level 1 with a 99.6% audit pass rate"
      />
      <DialogActions pending={change.busy} onCancel={onCancel} confirm="Request level 0" />
    </ChangeForm>
  );
}
