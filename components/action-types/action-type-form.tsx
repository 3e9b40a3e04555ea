"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { RISK_LABELS, TIMEOUT_BEHAVIORS, updateActionTypeInput, type ActionTypeView } from "@/lib/action-types/schemas";
import { ApiError, api, errorMessage } from "../api";
import { issuesByField, sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Input, Select, Textarea } from "../ui/input";
import { Time } from "../ui/time";
import { TIMEOUT_UNITS, splitTimeout, unitSeconds, type TimeoutUnit } from "./format";

type Form = {
  description: string;
  schema: string;
  blocked: boolean;
  minConfidence: string;
  auditPercent: string;
  timeoutValue: string;
  timeoutUnit: TimeoutUnit;
  timeoutBehavior: ActionTypeView["timeoutBehavior"];
  riskLabel: string;
};

const RISK_NAMES: Record<string, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

function toForm(t: ActionTypeView): Form {
  const timeout = splitTimeout(t.approvalTimeoutSeconds);
  return {
    description: t.description ?? "",
    schema: t.payloadSchema ? JSON.stringify(t.payloadSchema, null, 2) : "",
    blocked: t.blocked,
    minConfidence: t.minConfidence === null ? "" : String(t.minConfidence),
    auditPercent: String(Math.round(t.auditSampleRate * 1000) / 10),
    timeoutValue: String(timeout.value),
    timeoutUnit: timeout.unit,
    timeoutBehavior: t.timeoutBehavior,
    riskLabel: t.riskLabel ?? "",
  };
}

type Patch = Record<string, unknown>;

/**
 * The form's changes against the saved type, as a PATCH body (only what changed, so the audit
 * log says what was edited), or field errors found before asking the server.
 */
function toPatch(f: Form, base: ActionTypeView): { patch: Patch } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const patch: Patch = {};

  const description = f.description.trim() ? f.description.trim() : null;
  if (description !== base.description) patch.description = description;

  if (f.schema.trim()) {
    try {
      const schema: unknown = JSON.parse(f.schema);
      if (typeof schema !== "object" || schema === null || Array.isArray(schema)) errors.payloadSchema = "A JSON Schema must be a JSON object ({ … }).";
      else if (JSON.stringify(schema) !== JSON.stringify(base.payloadSchema)) patch.payloadSchema = schema;
    } catch (err) {
      errors.payloadSchema = `This is not valid JSON: ${(err as Error).message}.`;
    }
  } else if (base.payloadSchema !== null) patch.payloadSchema = null;

  if (f.blocked !== base.blocked) patch.blocked = f.blocked;

  const minConfidence = f.minConfidence.trim() === "" ? null : Number(f.minConfidence);
  if (minConfidence !== null && Number.isNaN(minConfidence)) errors.minConfidence = "Enter a number between 0 and 1, or leave it empty.";
  else if (minConfidence !== base.minConfidence) patch.minConfidence = minConfidence;

  const audit = Number(f.auditPercent);
  if (f.auditPercent.trim() === "" || Number.isNaN(audit) || audit < 0 || audit > 100) errors.auditSampleRate = "Enter a percentage from 0 to 100.";
  else if (Math.abs(audit / 100 - base.auditSampleRate) > 1e-9) patch.auditSampleRate = audit / 100;

  const timeout = Number(f.timeoutValue);
  if (f.timeoutValue.trim() === "" || Number.isNaN(timeout)) errors.approvalTimeoutSeconds = "Enter how long an approval may wait.";
  else {
    const seconds = Math.round(timeout * unitSeconds(f.timeoutUnit));
    if (seconds !== base.approvalTimeoutSeconds) patch.approvalTimeoutSeconds = seconds;
  }
  if (f.timeoutBehavior !== base.timeoutBehavior) patch.timeoutBehavior = f.timeoutBehavior;

  const risk = f.riskLabel || null;
  if (risk !== base.riskLabel) patch.riskLabel = risk;

  if (Object.keys(errors).length) return { errors };
  // The contract's own checks (ranges, lengths) before the round trip; the server repeats them.
  const parsed = updateActionTypeInput.safeParse({ ...patch, version: base.version });
  if (!parsed.success) return { errors: issuesByField(parsed.error.issues) };
  return { patch };
}

/** A manager's editor for an action type's guardrails. The level is not editable here. */
export function ActionTypeForm({ initial }: { initial: ActionTypeView }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [base, setBase] = useState(initial);
  const [form, setForm] = useState<Form>(() => toForm(initial));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused save, take the reviewer to the first field that needs attention.
  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [fieldErrors]);

  const save = useMutation({
    mutationFn: (body: Patch) => api<ActionTypeView>(`/api/console/action-types/${encodeURIComponent(base.key)}`, { method: "PATCH", body }),
    onSuccess: (t) => {
      setBase(t);
      setForm(toForm(t));
      setSaved(`Saved. ${base.key} is now at version ${t.version}.`);
      startTransition(() => router.refresh());
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fieldErrors.length) {
        setFieldErrors(Object.fromEntries(Object.entries(err.byField).map(([k, v]) => [k, sentence(v)])));
      }
    },
  });

  const reload = useMutation({
    mutationFn: () => api<ActionTypeView>(`/api/console/action-types/${encodeURIComponent(base.key)}`),
    onSuccess: (t) => {
      setBase(t);
      setForm(toForm(t));
      setFieldErrors({});
      save.reset();
      setSaved(`Loaded version ${t.version}. Apply your edit again if it is still needed.`);
      startTransition(() => router.refresh());
    },
  });

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(null);
    setUnchanged(false);
  };

  const stale = save.error instanceof ApiError && save.error.status === 409;
  const schemaServerError = save.error instanceof ApiError && save.error.status === 422 && fieldErrors.payloadSchema ? save.error.message : null;
  const formError = save.error && !stale && !(save.error instanceof ApiError && save.error.fieldErrors.length) ? errorMessage(save.error) : null;

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={`Edit ${base.key}`}
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        const r = toPatch(form, base);
        if ("errors" in r) {
          setFieldErrors(r.errors);
          return;
        }
        setFieldErrors({});
        if (Object.keys(r.patch).length === 0) {
          setUnchanged(true);
          return;
        }
        save.mutate({ ...r.patch, version: base.version });
      }}
    >
      <Card aria-labelledby="guardrails-title">
        <CardHeader titleId="guardrails-title" title="Guardrails" description="Checked on every request for this type, before the level decides." />
        <CardBody className="space-y-5">
          <Field label="Description" optional error={fieldErrors.description} hint="What this action does, for reviewers.">
            {(p) => <Textarea {...p} name="description" rows={2} maxLength={1000} value={form.description} onChange={(e) => set("description", e.target.value)} />}
          </Field>
          <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
            <Field label="Risk label" error={fieldErrors.riskLabel} hint="Shown to reviewers; the queue can be filtered by it.">
              {(p) => (
                <Select {...p} name="riskLabel" value={form.riskLabel} onChange={(e) => set("riskLabel", e.target.value)}>
                  <option value="">None</option>
                  {RISK_LABELS.map((r) => (
                    <option key={r} value={r}>
                      {RISK_NAMES[r]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <div>
              <p className="mb-1 text-[13px] font-medium text-zinc-800" id="blocked-label">
                Blocked list
              </p>
              <label className="flex h-8 items-center gap-2.5 text-[13px] text-zinc-800">
                <input
                  type="checkbox"
                  name="blocked"
                  checked={form.blocked}
                  onChange={(e) => set("blocked", e.target.checked)}
                  aria-describedby="blocked-hint"
                  className="size-4 rounded border-zinc-300 accent-accent-600 outline-none focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-offset-2"
                />
                Blocked: always needs a person
              </label>
              <p id="blocked-hint" className="mt-1 text-xs text-zinc-500">
                For destructive actions: at least level 2, whatever the type&apos;s level.
              </p>
            </div>
            <Field label="Minimum confidence" optional error={fieldErrors.minConfidence} hint="0 to 1. Below it, or without a confidence, the action needs a person.">
              {(p) => (
                <Input {...p} name="minConfidence" type="number" inputMode="decimal" min={0} max={1} step={0.01} value={form.minConfidence} onChange={(e) => set("minConfidence", e.target.value)} placeholder="No threshold" />
              )}
            </Field>
            <Field label="Audit sample rate (%)" error={fieldErrors.auditSampleRate} hint="At level 1, this share of actions is queued for review after the fact.">
              {(p) => <Input {...p} name="auditSampleRate" type="number" inputMode="decimal" min={0} max={100} step={0.1} value={form.auditPercent} onChange={(e) => set("auditPercent", e.target.value)} />}
            </Field>
            <Field label="Approval timeout" error={fieldErrors.approvalTimeoutSeconds} hint="How long an approval may wait, from 1 minute to 30 days.">
              {(p) => (
                <div className="flex gap-2">
                  <div className="min-w-0 flex-1">
                    <Input {...p} name="approvalTimeout" type="number" inputMode="decimal" min={1} step="any" value={form.timeoutValue} onChange={(e) => set("timeoutValue", e.target.value)} />
                  </div>
                  <div className="w-32">
                    <Select aria-label="Timeout unit" name="approvalTimeoutUnit" value={form.timeoutUnit} onChange={(e) => set("timeoutUnit", e.target.value as TimeoutUnit)}>
                      {[...TIMEOUT_UNITS].reverse().map((u) => (
                        <option key={u.unit} value={u.unit}>
                          {u.unit}
                        </option>
                      ))}
                    </Select>
                  </div>
                </div>
              )}
            </Field>
            <Field label="When the timeout passes" error={fieldErrors.timeoutBehavior}>
              {(p) => (
                <Select {...p} name="timeoutBehavior" value={form.timeoutBehavior} onChange={(e) => set("timeoutBehavior", e.target.value as Form["timeoutBehavior"])}>
                  {TIMEOUT_BEHAVIORS.map((b) => (
                    <option key={b} value={b}>
                      {b === "reject" ? "Reject: the agent is told not to act" : "Escalate to managers"}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        </CardBody>
      </Card>

      <Card aria-labelledby="schema-title">
        <CardHeader
          titleId="schema-title"
          title="Payload schema"
          description="A JSON Schema (draft 2020-12). Payloads that don't match are refused with 422 before anything is queued or executed."
          actions={
            <Button
              size="sm"
              variant="secondary"
              disabled={!form.schema.trim()}
              onClick={() => {
                try {
                  set("schema", JSON.stringify(JSON.parse(form.schema), null, 2));
                } catch {
                  setFieldErrors((e) => ({ ...e, payloadSchema: "This is not valid JSON, so it cannot be formatted." }));
                }
              }}
            >
              Format JSON
            </Button>
          }
        />
        <CardBody>
          <Field label="JSON Schema" optional error={fieldErrors.payloadSchema ? (schemaServerError ? `${schemaServerError} ${fieldErrors.payloadSchema}` : fieldErrors.payloadSchema) : undefined} hint="Leave empty to accept any JSON object.">
            {(p) => (
              <Textarea
                {...p}
                name="payloadSchema"
                rows={Math.min(24, Math.max(8, form.schema.split("\n").length + 1))}
                spellCheck={false}
                autoCapitalize="off"
                autoCorrect="off"
                value={form.schema}
                onChange={(e) => set("schema", e.target.value)}
                placeholder={'{\n  "type": "object",\n  "properties": { "amount": { "type": "number", "maximum": 100 } },\n  "required": ["amount"]\n}'}
                className="font-mono text-[12.5px] leading-relaxed"
              />
            )}
          </Field>
        </CardBody>
      </Card>

      <div className="space-y-3">
        {stale ? (
          <Alert tone="warning" title="Someone else saved this action type meanwhile">
            <p>{errorMessage(save.error)}</p>
            <Button size="sm" variant="secondary" className="mt-2" pending={reload.isPending} onClick={() => reload.mutate()}>
              Load the latest version
            </Button>
          </Alert>
        ) : null}
        {reload.error ? <Alert>{errorMessage(reload.error)}</Alert> : null}
        {formError ? <Alert>{formError}</Alert> : null}
        {Object.keys(fieldErrors).length > 0 ? <Alert>Nothing was saved. Fix the fields marked in red, then save again.</Alert> : null}
        {saved ? <Alert tone="success">{saved}</Alert> : null}
        {unchanged ? <Alert tone="info">Nothing has changed, so there is nothing to save.</Alert> : null}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-xs text-zinc-500">
            Version {base.version} · updated <Time iso={base.updatedAt} relative />
          </p>
          <div className="flex gap-2">
            <Button
              variant="ghost"
              disabled={save.isPending}
              onClick={() => {
                setForm(toForm(base));
                setFieldErrors({});
                setSaved(null);
                setUnchanged(false);
                save.reset();
              }}
            >
              Discard edits
            </Button>
            <Button type="submit" variant="primary" pending={save.isPending}>
              Save changes
            </Button>
          </div>
        </div>
      </div>
    </form>
  );
}
