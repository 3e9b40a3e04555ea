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

const cell = "px-3 first:pl-4 last:pr-4";

/** One row per event: when, who, what, on which subject, its receipt and its place in the chain. */
export function AuditTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
  return (
    <Table label="Audit events">
      <caption className="sr-only">{caption}</caption>
      <THead>
        <tr>
          <Th className={cell}>Time</Th>
          <Th className={cell}>Actor</Th>
          <Th className={cell}>Event</Th>
          <Th className={cell}>Subject</Th>
          <Th className={cell}>Receipt · link</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.id} data-testid="audit-row" data-kind={r.action}>
            <Td className={`${cell} text-xs whitespace-nowrap text-zinc-600`}>
              <Time iso={r.at} />
            </Td>
            <Td className={`${cell} max-w-40 truncate`} title={`${r.actor.name} (${r.actor.type})`}>
              <MaybeLink href={r.actor.href}>{r.actor.name}</MaybeLink>
            </Td>
            <Td className={`${cell} max-w-60`}>
              <p className="flex flex-wrap items-center gap-x-1.5 text-zinc-900">
                {KIND_LABELS[r.action] ?? r.action}
                {r.digestMismatch ? <Badge tone="red">Executed payload differs</Badge> : null}
              </p>
              <p className="truncate text-xs text-zinc-500" title={r.detail ?? undefined}>
                <code className="font-mono">{r.action}</code>
                {r.detail ? ` · ${r.detail}` : ""}
              </p>
            </Td>
            <Td className={`${cell} max-w-48 truncate`} title={r.target.id ?? undefined}>
              <MaybeLink href={r.target.href}>{r.target.label}</MaybeLink>
            </Td>
            <Td className={`${cell} whitespace-nowrap`}>
              <span className="flex flex-col text-xs leading-tight text-zinc-600">
                <span>
                  {r.policyVersion !== null ? `policy v${r.policyVersion}` : null}
                  {r.policyVersion !== null ? " · " : null}
                  {r.seq !== null ? (
                    <span className="font-mono" title={r.contentHash ? `content ${r.contentHash}` : undefined}>
                      #{formatCount(r.seq)}
                    </span>
                  ) : (
                    <span title="The chainer links new events within seconds">not linked yet</span>
                  )}
                </span>
                {r.payloadDigest ? (
                  <span className="text-zinc-500">
                    payload <Digest value={r.payloadDigest} />
                  </span>
                ) : null}
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
