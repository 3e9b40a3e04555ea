"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ModelPriceView } from "@/lib/prices/schemas";
import { ApiError, api, errorMessage } from "../api";
import { sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

const localNow = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A new price for a model from a moment on: spans that start from then are priced with it. */
export function PriceForm({ models }: { models: string[] }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [model, setModel] = useState("");
  const [input, setInput] = useState("");
  const [output, setOutput] = useState("");
  const [from, setFrom] = useState(localNow);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<ModelPriceView>("/api/console/model-prices", { method: "POST", body }),
    onSuccess: (p) => {
      setDone(`${p.model}: $${p.inputUsdPerMillion} in / $${p.outputUsdPerMillion} out per million tokens from ${new Date(p.effectiveFrom).toUTCString()}.`);
      setModel("");
      setInput("");
      setOutput("");
      startTransition(() => router.refresh());
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fieldErrors.length) setErrors(Object.fromEntries(Object.entries(err.byField).map(([k, v]) => [k, sentence(v)])));
    },
  });

  const submit = () => {
    const next: Record<string, string> = {};
    const num = (s: string) => (s.trim() === "" ? NaN : Number(s.trim().replace(/^\$/, "")));
    if (!model.trim()) next.model = "Name the model, e.g. gpt-4o-mini.";
    if (!(num(input) >= 0)) next.inputUsdPerMillion = "Enter dollars per million input tokens.";
    if (!(num(output) >= 0)) next.outputUsdPerMillion = "Enter dollars per million output tokens.";
    const at = new Date(from);
    if (Number.isNaN(at.getTime())) next.effectiveFrom = "Pick when the price takes effect.";
    setErrors(next);
    setDone(null);
    if (Object.keys(next).length) return;
    save.mutate({ model: model.trim(), inputUsdPerMillion: num(input), outputUsdPerMillion: num(output), effectiveFrom: at.toISOString() });
  };

  return (
    <Card aria-labelledby="new-price-title">
      <CardHeader
        titleId="new-price-title"
        title="Set a price"
        description="Prices are never edited in place: a new one takes effect at the moment you pick, and spans stored before keep the cost they had."
      />
      <form
        noValidate
        className="px-4 py-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1.4fr_1fr_1fr_1.3fr_auto] lg:items-start">
          <Field label="Model" error={errors.model} hint="Also prices longer names it prefixes.">
            {(p) => (
              <>
                <Input {...p} list="known-models" autoComplete="off" placeholder="gpt-4o-mini" value={model} onChange={(e) => setModel(e.target.value)} />
                <datalist id="known-models">
                  {models.map((m) => (
                    <option key={m} value={m} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Input, $ per million" error={errors.inputUsdPerMillion}>
            {(p) => <Input {...p} inputMode="decimal" className="tabular-nums" placeholder="0.15" value={input} onChange={(e) => setInput(e.target.value)} />}
          </Field>
          <Field label="Output, $ per million" error={errors.outputUsdPerMillion}>
            {(p) => <Input {...p} inputMode="decimal" className="tabular-nums" placeholder="0.60" value={output} onChange={(e) => setOutput(e.target.value)} />}
          </Field>
          <Field label="Takes effect (your time)" error={errors.effectiveFrom}>
            {(p) => <Input {...p} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />}
          </Field>
          <div className="lg:pt-[22px]">
            <Button type="submit" variant="primary" pending={save.isPending}>
              Set price
            </Button>
          </div>
        </div>
        {save.error && !(save.error instanceof ApiError && save.error.fieldErrors.length) ? <Alert className="mt-3">{errorMessage(save.error)}</Alert> : null}
        {done ? (
          <Alert tone="success" className="mt-3">
            {done}
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}
