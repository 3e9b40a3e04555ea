"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { AgentControlsView } from "@/lib/agents/schemas";
import { ApiError, api, errorMessage } from "../api";
import { sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { fieldText, formatUsd, parseAmount } from "./money";

type Limits = AgentControlsView["limits"];
type Key = Exclude<keyof Limits, "effectiveLoopThreshold">;

const FIELDS: { key: Key; label: string; hint: string; integer?: boolean; min?: number; placeholder: string; prefix?: string }[] = [
  { key: "runCostBudgetUsd", label: "Max cost per run", hint: "Crossing it halts the run.", placeholder: "No limit", prefix: "$" },
  { key: "runTokenBudget", label: "Max tokens per run", hint: "Input and output tokens together.", integer: true, placeholder: "No limit" },
  { key: "loopThreshold", label: "Loop limit", hint: "More similar calls of one tool in a row halt the run.", integer: true, min: 1, placeholder: "5 (default)" },
  { key: "hourlySpendAlertUsd", label: "Hourly spend alert", hint: "One alert per UTC hour above it.", placeholder: "No alert", prefix: "$" },
  { key: "dailySpendAlertUsd", label: "Daily spend alert", hint: "One alert per UTC day above it.", placeholder: "No alert", prefix: "$" },
  { key: "dailySpendCapUsd", label: "Daily hard cap", hint: "Above it the agent's kill switch turns on.", placeholder: "No cap", prefix: "$" },
];

const toForm = (l: Limits) => Object.fromEntries(FIELDS.map((f) => [f.key, fieldText(l[f.key])])) as Record<Key, string>;

function Spend({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-[15px] font-semibold text-zinc-900 tabular-nums">{formatUsd(value)}</dd>
    </div>
  );
}

/** An agent's per-run budgets, loop limit and spend caps, with its spend this hour and today. */
export function AgentLimitsForm({ controls, canEdit }: { controls: AgentControlsView; canEdit: boolean }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [base, setBase] = useState(controls.limits);
  const [form, setForm] = useState(() => toForm(controls.limits));
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: Record<string, number | null>) => api<AgentControlsView>(`/api/console/agents/${encodeURIComponent(controls.id)}/controls`, { method: "PATCH", body }),
    onSuccess: (c) => {
      setBase(c.limits);
      setForm(toForm(c.limits));
      setSaved("Limits saved. They apply from the agent's next span batch.");
      startTransition(() => router.refresh());
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fieldErrors.length) setErrors(Object.fromEntries(Object.entries(err.byField).map(([k, v]) => [k, sentence(v)])));
    },
  });

  const submit = () => {
    const next: Partial<Record<Key, string>> = {};
    const body: Record<string, number | null> = {};
    for (const f of FIELDS) {
      const parsed = parseAmount(form[f.key], { integer: f.integer, min: f.min });
      if ("error" in parsed) next[f.key] = parsed.error;
      else if (parsed.value !== base[f.key]) body[f.key] = parsed.value;
    }
    setErrors(next);
    setSaved(null);
    if (Object.keys(next).length) return;
    if (Object.keys(body).length === 0) {
      setSaved("Nothing changed.");
      return;
    }
    save.mutate(body);
  };

  return (
    <Card aria-labelledby="limits-title">
      <CardHeader
        titleId="limits-title"
        title="Cost controls"
        description="Per-run budgets and the loop limit halt a run in the span batch that crosses them; spend caps count this agent's spend per UTC hour and day."
      />
      <div className="grid gap-6 px-4 py-4 lg:grid-cols-[1fr_12rem]">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="grid gap-x-4 gap-y-3 sm:grid-cols-2 xl:grid-cols-3">
            {FIELDS.map((f) => (
              <Field key={f.key} label={f.label} hint={f.hint} error={errors[f.key]}>
                {(p) => (
                  <div className="relative">
                    {f.prefix ? <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center text-sm text-zinc-400">{f.prefix}</span> : null}
                    <Input
                      {...p}
                      inputMode={f.integer ? "numeric" : "decimal"}
                      autoComplete="off"
                      className={f.prefix ? "pl-6 tabular-nums" : "tabular-nums"}
                      placeholder={f.placeholder}
                      disabled={!canEdit}
                      value={form[f.key]}
                      onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
                    />
                  </div>
                )}
              </Field>
            ))}
          </div>
          {save.error && !(save.error instanceof ApiError && save.error.fieldErrors.length) ? <Alert className="mt-3">{errorMessage(save.error)}</Alert> : null}
          {saved ? (
            <Alert tone="success" className="mt-3">
              {saved}
            </Alert>
          ) : null}
          {canEdit ? (
            <div className="mt-4 flex justify-end">
              <Button type="submit" variant="primary" pending={save.isPending}>
                Save limits
              </Button>
            </div>
          ) : (
            <p className="mt-3 text-xs text-zinc-500">Only managers and admins can change limits.</p>
          )}
        </form>
        <dl className="space-y-3 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-3" aria-label="Spend">
          <Spend label="Spend this hour (UTC)" value={controls.spend.thisHourUsd} />
          <Spend label="Spend today (UTC)" value={controls.spend.todayUsd} />
          {controls.limits.dailySpendCapUsd !== null ? (
            <p className="text-xs text-zinc-500">
              {Math.min(100, Math.round((controls.spend.todayUsd / Math.max(controls.limits.dailySpendCapUsd, 1e-9)) * 100))}% of the daily cap
            </p>
          ) : null}
        </dl>
      </div>
    </Card>
  );
}
