"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { BudgetGrantResult, RunLimitsView } from "@/lib/budgets/schemas";
import { ApiError, api, errorMessage } from "../api";
import { sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogActions, DialogForm } from "../ui/dialog";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { ReasonField } from "../ui/reason-field";
import { formatUsd, parseAmount } from "./money";

const RULE: Record<NonNullable<RunLimitsView["haltRule"]>, string> = { cost_budget: "cost budget", token_budget: "token budget", loop: "loop limit" };

/** A suggestion for the raised limit: double what the run has used, rounded up to something readable. */
function suggest(used: number, integer: boolean): string {
  const v = Math.max(used * 2, integer ? 1000 : 0.01);
  if (integer) return String(Math.ceil(v / 1000) * 1000);
  const step = v >= 10 ? 1 : v >= 1 ? 0.5 : 0.01;
  return String(Math.round(Math.ceil(v / step) * step * 100) / 100);
}

/**
 * "Let it continue…": a manager raises a halted run's limits for that run only; the agent's next
 * span batch answers continue: true. Every grant is an audit event with its reason.
 */
export function GrantButton({ run, size = "sm" }: { run: RunLimitsView; size?: "sm" | "md" }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [refreshing, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  const rule = run.haltRule;
  const [cost, setCost] = useState(() => (rule === "cost_budget" ? suggest(run.totals.costUsd, false) : ""));
  const [tokens, setTokens] = useState(() => (rule === "token_budget" ? suggest(run.totals.tokens, true) : ""));
  const [loop, setLoop] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const grant = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<BudgetGrantResult>(`/api/console/runs/${encodeURIComponent(run.id)}/budget-grant`, { method: "POST", body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["incident-counts"] });
      startTransition(() => {
        router.refresh();
        setOpen(false);
      });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fieldErrors.length) setErrors(Object.fromEntries(Object.entries(err.byField).map(([k, v]) => [k, sentence(v)])));
    },
  });

  if (!rule) return null;

  const submit = () => {
    const next: Record<string, string> = {};
    const body: Record<string, unknown> = { reason: reason.trim() };
    const c = parseAmount(cost);
    const t = parseAmount(tokens, { integer: true });
    const l = parseAmount(loop, { integer: true, min: 1 });
    if ("error" in c) next.costBudgetUsd = c.error;
    else if (c.value !== null) body.costBudgetUsd = c.value;
    if ("error" in t) next.tokenBudget = t.error;
    else if (t.value !== null) body.tokenBudget = t.value;
    if ("error" in l) next.loopThreshold = l.error;
    else if (l.value !== null) body.loopThreshold = l.value;
    if (reason.trim().length < 3) next.reason = "Say why the run may go on (at least 3 characters).";
    setErrors(next);
    if (Object.keys(next).length === 0) grant.mutate(body);
  };
  const close = () => {
    if (grant.isPending) return;
    grant.reset();
    setErrors({});
    setOpen(false);
  };

  return (
    <>
      <Button size={size} variant="secondary" onClick={() => setOpen(true)}>
        Let it continue…
      </Button>
      <Dialog
        open={open}
        onClose={close}
        width="max-w-lg"
        title="Let this run continue?"
        description={`It was halted by its ${RULE[rule]}. A grant raises this run's limits only; the agent's next span batch is told to continue.`}
      >
        {open ? (
          <DialogForm onSubmit={submit}>
            <dl className="grid grid-cols-3 gap-3 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-[13px]">
              <div>
                <dt className="text-xs text-zinc-500">Cost so far</dt>
                <dd className="font-medium tabular-nums">{formatUsd(run.totals.costUsd)}</dd>
              </div>
              <div>
                <dt className="text-xs text-zinc-500">Tokens so far</dt>
                <dd className="font-medium tabular-nums">{run.totals.tokens.toLocaleString("en-US")}</dd>
              </div>
              <div>
                <dt className="text-xs text-zinc-500">Limits now</dt>
                <dd className="font-medium tabular-nums">
                  {formatUsd(run.budgets.costUsd)} · {run.budgets.tokens === null ? "no token limit" : `${run.budgets.tokens.toLocaleString("en-US")} tokens`} · loop {run.budgets.loopThreshold}
                </dd>
              </div>
            </dl>
            {grant.error && !(grant.error instanceof ApiError && grant.error.fieldErrors.length) ? <Alert>{errorMessage(grant.error)}</Alert> : null}
            <div className="grid grid-cols-3 gap-3">
              <Field label="Cost budget ($)" error={errors.costBudgetUsd} optional={rule !== "cost_budget"}>
                {(p) => <Input {...p} inputMode="decimal" className="tabular-nums" value={cost} onChange={(e) => setCost(e.target.value)} />}
              </Field>
              <Field label="Token budget" error={errors.tokenBudget} optional={rule !== "token_budget"}>
                {(p) => <Input {...p} inputMode="numeric" className="tabular-nums" value={tokens} onChange={(e) => setTokens(e.target.value)} />}
              </Field>
              <Field label="Loop limit" error={errors.loopThreshold} optional hint={rule === "loop" ? "Loop counting starts afresh either way." : undefined}>
                {(p) => <Input {...p} inputMode="numeric" className="tabular-nums" placeholder={String(run.budgets.loopThreshold)} value={loop} onChange={(e) => setLoop(e.target.value)} />}
              </Field>
            </div>
            <ReasonField value={reason} onChange={setReason} error={errors.reason} label="Reason" hint="Kept in the audit log and on the run's incident." rows={2} />
            <DialogActions confirm="Grant and continue" onCancel={close} pending={grant.isPending || refreshing} flush />
          </DialogForm>
        ) : null}
      </Dialog>
    </>
  );
}
