"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { CHANNEL_FORMATS, SEVERITIES, type ChannelView } from "@/lib/alerts/schemas";
import { ApiError, api, errorMessage } from "../api";
import { sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";

export type KindOption = { value: string; label: string };

const FORMAT_LABELS: Record<(typeof CHANNEL_FORMATS)[number], string> = { standard: "Standard Webhooks JSON", slack: "Slack-compatible ({ text, blocks })" };
const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = { info: "Info and above (everything)", warning: "Warning and critical", critical: "Critical only" };

type Values = { name: string; url: string; format: ChannelView["format"]; minSeverity: ChannelView["minSeverity"]; kinds: string[] };

/** Create or edit a channel: where it posts, in which format, and which incidents go to it. */
export function ChannelForm({
  initial,
  kinds,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: ChannelView;
  kinds: KindOption[];
  submitLabel: string;
  onSubmit: (v: Values) => Promise<ChannelView>;
  onCancel?: () => void;
}) {
  const [v, setV] = useState<Values>({
    name: initial?.name ?? "",
    url: initial?.url ?? "",
    format: initial?.format ?? "standard",
    minSeverity: initial?.minSeverity ?? "warning",
    kinds: initial?.kinds ?? [],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: onSubmit,
    onSuccess: () => setSaved(true),
    onError: (err) => {
      if (!(err instanceof ApiError)) return;
      const byField = Object.fromEntries(Object.entries(err.byField).map(([k, m]) => [k, sentence(m)]));
      if (err.code === "conflict" && /named/.test(err.message)) byField.name ??= err.message;
      setErrors(byField);
    },
  });
  const allKinds = v.kinds.length === 0;
  const toggle = (k: string) => setV({ ...v, kinds: v.kinds.includes(k) ? v.kinds.filter((x) => x !== k) : [...v.kinds, k] });
  const formError = save.error && !(save.error instanceof ApiError && (save.error.fieldErrors.length || /named/.test(save.error.message))) ? errorMessage(save.error) : null;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        setSaved(false);
        save.mutate(v);
      }}
    >
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.name}>
          {(p) => <Input {...p} maxLength={64} autoComplete="off" placeholder="On-call ops" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
        </Field>
        <Field label="Webhook URL" error={errors.url} hint="Warden POSTs each alert here, signed per Standard Webhooks.">
          {(p) => <Input {...p} type="url" autoComplete="off" placeholder="https://hooks.example.com/warden" value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} />}
        </Field>
        <Field label="Body format" error={errors.format}>
          {(p) => (
            <Select {...p} value={v.format} onChange={(e) => setV({ ...v, format: e.target.value as Values["format"] })}>
              {CHANNEL_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Severity" error={errors.minSeverity}>
          {(p) => (
            <Select {...p} value={v.minSeverity} onChange={(e) => setV({ ...v, minSeverity: e.target.value as Values["minSeverity"] })}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABELS[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend className="text-[13px] font-medium text-zinc-800">Incident kinds</legend>
        <p className="mt-0.5 text-xs text-zinc-500">None ticked: every kind, including ones added later.</p>
        <div className="mt-2 grid gap-x-4 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
          {kinds.map((k) => (
            <label key={k.value} className="flex items-center gap-2 text-[13px] text-zinc-800">
              <input
                type="checkbox"
                className="size-3.5 rounded border-zinc-300 text-accent-600 focus-visible:ring-2 focus-visible:ring-accent-500"
                checked={v.kinds.includes(k.value)}
                onChange={() => toggle(k.value)}
              />
              {k.label}
            </label>
          ))}
        </div>
        {errors.kinds ? <p className="mt-1 text-[13px] text-red-700">{errors.kinds}</p> : null}
        {allKinds ? null : (
          <p className="mt-1.5 text-xs text-zinc-500">
            {v.kinds.length} of {kinds.length} kinds.
          </p>
        )}
      </fieldset>
      {saved && initial ? <Alert tone="success">Saved.</Alert> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <Button variant="ghost" disabled={save.isPending} onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" variant="primary" pending={save.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function createChannelRequest(v: Values) {
  return api<ChannelView>("/api/console/alerts", { method: "POST", body: v });
}
