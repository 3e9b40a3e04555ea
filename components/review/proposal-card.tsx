import type { ActionDetail } from "@/lib/review/get-action-detail";
import { Card, CardBody, CardHeader } from "../ui/card";
import { JsonBlock } from "./json-block";

/** What the agent proposed and why, and the payload that replaced it when someone changed it. */
export function ProposalCard({ a }: { a: ActionDetail }) {
  const finalPayload = a.executedPayload ?? a.approvedPayload;
  return (
    <Card aria-labelledby="proposal-title">
      <CardHeader titleId="proposal-title" title="Proposal" description={a.type.description ?? undefined} />
      <CardBody className="space-y-4">
        <div>
          <h3 className="text-xs font-medium text-zinc-500">The agent&apos;s rationale</h3>
          {a.rationale ? (
            <p className="mt-1 text-[13px] leading-relaxed whitespace-pre-wrap text-zinc-800" data-testid="rationale">
              {a.rationale}
            </p>
          ) : (
            <p className="mt-1 text-[13px] text-zinc-500">The agent gave no rationale.</p>
          )}
        </div>
        <JsonBlock
          value={a.proposedPayload}
          label={a.type.hasSchema ? "Proposed payload · matches the type's schema" : "Proposed payload · the type has no schema"}
          testId="proposed-payload"
          fields
        />
        {finalPayload && a.changes.length > 0 ? (
          <JsonBlock value={finalPayload} label={a.executedPayload ? "Executed payload" : "Approved payload"} testId="final-payload" fields />
        ) : null}
      </CardBody>
    </Card>
  );
}
