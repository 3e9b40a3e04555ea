import Link from "next/link";
import type { ActionTypeView } from "@/lib/action-types/schemas";
import { effectiveLevel, type Level } from "@/lib/policy";
import { formatCount } from "../format";
import { RiskBadge } from "../review/risk-badge";
import { Badge } from "../ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { formatRate, formatTimeout } from "./format";
import { LevelBadge } from "./level-badge";
import { heldWhileBlocked } from "./levels";

export function ActionTypesTable({ types }: { types: ActionTypeView[] }) {
  return (
    <Table label="Action types">
      <THead>
        <tr>
          <Th>Action type</Th>
          <Th>Level</Th>
          <Th>Risk</Th>
          <Th>Guardrails</Th>
          <Th>Approval timeout</Th>
          <Th className="text-right">Pending</Th>
          <Th>Updated</Th>
        </tr>
      </THead>
      <TBody>
        {types.map((t) => {
          // The level the policy acts at: a blocked type shows level 2 even when set to 1 or 0.
          const level = effectiveLevel(t.level as Level, t.blocked);
          const held = heldWhileBlocked(t.level, level);
          return (
            <Tr key={t.id}>
              <Td className="max-w-sm">
                <Link
                  href={`/action-types/${encodeURIComponent(t.key)}`}
                  className="rounded-sm font-mono text-[13px] font-medium text-zinc-900 outline-none hover:text-accent-700 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500"
                >
                  {t.key}
                </Link>
                {t.description ? <p className="truncate text-xs text-zinc-500">{t.description}</p> : null}
              </Td>
              <Td>
                <span title={held ?? undefined}>
                  <LevelBadge level={level} />
                </span>
                {held ? <p className="mt-0.5 text-xs text-zinc-500">set to {t.level}</p> : null}
              </Td>
              <Td>
                <RiskBadge risk={t.riskLabel} />
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {t.killSwitch ? <Badge tone="red" dot>Kill switch on</Badge> : null}
                  {t.blocked ? <Badge tone="amber">Blocked</Badge> : null}
                  {t.payloadSchema ? <Badge tone="neutral">Schema</Badge> : null}
                  {t.minConfidence !== null ? <Badge tone="neutral">Confidence ≥ {t.minConfidence}</Badge> : null}
                  {level === 1 ? <Badge tone="neutral">Audit {formatRate(t.auditSampleRate)}</Badge> : null}
                  {!t.killSwitch && !t.blocked && !t.payloadSchema && t.minConfidence === null && level !== 1 ? <span className="text-zinc-500">—</span> : null}
                </div>
              </Td>
              <Td className="whitespace-nowrap">
                {formatTimeout(t.approvalTimeoutSeconds)} <span className="text-zinc-500">then {t.timeoutBehavior}</span>
              </Td>
              <Td className="text-right whitespace-nowrap tabular-nums">
                {t.pendingApprovals || t.pendingDrafts ? (
                  <span title={`${t.pendingApprovals} approvals, ${t.pendingDrafts} drafts`}>
                    {t.pendingApprovals ? `${formatCount(t.pendingApprovals)} to approve` : null}
                    {t.pendingApprovals && t.pendingDrafts ? ", " : null}
                    {t.pendingDrafts ? `${formatCount(t.pendingDrafts)} drafts` : null}
                  </span>
                ) : (
                  <span className="text-zinc-500">—</span>
                )}
              </Td>
              <Td>
                <Time iso={t.updatedAt} relative />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
