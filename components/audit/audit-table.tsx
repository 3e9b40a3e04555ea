import Link from "next/link";
import type { AuditRow } from "@/lib/audit/list-audit-events";
import { formatCount } from "../format";
import { Badge } from "../ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { Digest } from "./digest";
import { KIND_LABELS } from "./kinds";

const linkClass = "font-medium text-zinc-900 underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-accent-500";

function MaybeLink({ href, children }: { href: string | null; children: React.ReactNode }) {
  return href ? (
    <Link href={href} className={linkClass}>
      {children}
    </Link>
  ) : (
    <span className="text-zinc-800">{children}</span>
  );
}

/** One row per event: when, who, what, on which subject, its receipt and its place in the chain. */
export function AuditTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
  return (
    <Table label="Audit events">
      <caption className="sr-only">{caption}</caption>
      <THead>
        <tr>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Event</Th>
          <Th>Subject</Th>
          <Th>Receipt</Th>
          <Th className="text-right">Link</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.id} data-testid="audit-row" data-kind={r.action}>
            <Td className="text-xs whitespace-nowrap text-zinc-600">
              <Time iso={r.at} />
            </Td>
            <Td className="max-w-44 truncate">
              <MaybeLink href={r.actor.href}>{r.actor.name}</MaybeLink>
              <span className="ml-1 text-xs text-zinc-500">{r.actor.type}</span>
            </Td>
            <Td className="max-w-72">
              <p className="flex items-center gap-1.5 text-zinc-900">
                {KIND_LABELS[r.action] ?? r.action}
                {r.digestMismatch ? <Badge tone="red">Executed payload differs</Badge> : null}
              </p>
              <p className="truncate text-xs text-zinc-500" title={r.detail ?? undefined}>
                <code className="font-mono">{r.action}</code>
                {r.detail ? ` · ${r.detail}` : ""}
              </p>
            </Td>
            <Td className="max-w-64 truncate" title={r.target.id ?? undefined}>
              <MaybeLink href={r.target.href}>{r.target.label}</MaybeLink>
            </Td>
            <Td className="whitespace-nowrap">
              {r.policyVersion === null && r.payloadDigest === null ? (
                <span className="text-zinc-400">—</span>
              ) : (
                <span className="flex flex-col leading-tight">
                  {r.policyVersion !== null ? <span className="text-xs text-zinc-600">policy v{r.policyVersion}</span> : null}
                  {r.payloadDigest ? (
                    <span className="text-xs text-zinc-500">
                      payload <Digest value={r.payloadDigest} />
                    </span>
                  ) : null}
                </span>
              )}
            </Td>
            <Td className="text-right whitespace-nowrap">
              {r.seq !== null ? (
                <span className="font-mono text-xs text-zinc-600" title={r.contentHash ? `content ${r.contentHash}` : undefined}>
                  #{formatCount(r.seq)}
                </span>
              ) : (
                <Badge tone="neutral">
                  <span title="The chainer links new events within seconds">pending</span>
                </Badge>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
