import type { AuditRow } from "@/lib/audit/list-audit-events";
import { CheckCircleIcon } from "../ui/icons";
import { Digest } from "./digest";

type Step = { label: string; row: AuditRow };

const DECIDED = /^(action\.(approved|rejected|expired|cancelled)|draft\.)/;

/**
 * For one action: its receipts from request to result in one line — the payload asked for, the
 * one decided on, the one executed — and whether the executed digest matches the approved one.
 */
export function ReceiptSummary({ rows }: { rows: AuditRow[] }) {
  const requested = rows.find((r) => r.action === "action.requested" && r.payloadDigest);
  const decided = [...rows].reverse().find((r) => DECIDED.test(r.action) && r.payloadDigest);
  const result = [...rows].reverse().find((r) => r.action === "action.result_reported" && r.payloadDigest);
  const steps: Step[] = [
    ...(requested ? [{ label: "Requested", row: requested }] : []),
    ...(decided ? [{ label: decided.actor.type === "system" ? "Timed out on" : "Decided on", row: decided }] : []),
    ...(result ? [{ label: "Executed", row: result }] : []),
  ];
  if (steps.length === 0) return null;
  const approved = requested && result ? (decided && decided.action === "action.approved" ? decided.payloadDigest : requested.payloadDigest) : null;
  return (
    <div className="border-b border-zinc-200 bg-zinc-50/60 px-4 py-3" data-testid="receipt-summary">
      <h3 className="text-xs font-medium text-zinc-500">Receipt chain of this action</h3>
      <ol className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px]">
        {steps.map((s, i) => (
          <li key={s.row.id} className="flex items-center gap-1.5">
            {i > 0 ? <span aria-hidden="true" className="text-zinc-400">→</span> : null}
            <span className="text-zinc-600">{s.label}</span>
            <span className="font-medium text-zinc-900">{s.row.actor.name}</span>
            {s.row.policyVersion !== null ? <span className="text-xs text-zinc-500">v{s.row.policyVersion}</span> : null}
            <Digest value={s.row.payloadDigest!} />
          </li>
        ))}
      </ol>
      {result ? (
        result.digestMismatch ? (
          <p className="mt-1.5 text-[13px] font-medium text-red-700" role="status">
            The executed payload differs from the approved one: an incident was raised.
          </p>
        ) : approved && result.payloadDigest === approved ? (
          <p className="mt-1.5 flex items-center gap-1.5 text-[13px] text-emerald-800" role="status">
            <CheckCircleIcon className="size-4" /> The executed payload is the approved one.
          </p>
        ) : null
      ) : null}
    </div>
  );
}
