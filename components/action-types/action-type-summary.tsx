import type { ActionTypeView } from "@/lib/action-types/schemas";
import { JsonBlock } from "../review/json-block";
import { RiskBadge } from "../review/risk-badge";
import { Badge } from "../ui/badge";
import { Card, CardBody, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { formatRate, formatTimeout } from "./format";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] items-baseline gap-4 px-4 py-2.5">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="text-[13px] text-zinc-900">{children}</dd>
    </div>
  );
}

/** An action type's guardrails, read-only (for everyone below manager). */
export function ActionTypeSummary({ type }: { type: ActionTypeView }) {
  return (
    <div className="space-y-6">
      <Card aria-labelledby="guardrails-title">
        <CardHeader titleId="guardrails-title" title="Guardrails" description="Only a manager can change these." />
        <dl className="divide-y divide-zinc-100">
          <Row label="Risk label">
            <RiskBadge risk={type.riskLabel} />
          </Row>
          <Row label="Blocked list">{type.blocked ? <Badge tone="amber">Blocked: always needs a person</Badge> : "Not blocked"}</Row>
          <Row label="Minimum confidence">{type.minConfidence === null ? <span className="text-zinc-500">No threshold</span> : <span className="tabular-nums">{type.minConfidence}</span>}</Row>
          <Row label="Audit sample rate">
            <span className="tabular-nums">{formatRate(type.auditSampleRate)}</span>
          </Row>
          <Row label="Approval timeout">
            {formatTimeout(type.approvalTimeoutSeconds)}, then {type.timeoutBehavior === "reject" ? "rejected" : "escalated to managers"}
          </Row>
        </dl>
      </Card>
      <Card aria-labelledby="schema-title">
        <CardHeader titleId="schema-title" title="Payload schema" description="Payloads that don't match are refused with 422 before anything is queued or executed." />
        {type.payloadSchema ? (
          <CardBody>
            <JsonBlock value={type.payloadSchema} label="JSON Schema" testId="payload-schema" />
          </CardBody>
        ) : (
          <EmptyState title="No schema" description="Any JSON object is accepted as this type's payload." />
        )}
      </Card>
    </div>
  );
}
