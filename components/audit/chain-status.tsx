import type { AuditChainStatus } from "@/lib/audit/chain-status";
import { formatCount } from "../format";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { Time } from "../ui/time";
import { Digest } from "./digest";

/** Where the hash chain stands: its head, the last signed checkpoint, what waits to be linked. */
export function ChainStatus({ status }: { status: AuditChainStatus }) {
  const unsigned = status.head && (!status.lastCheckpoint || status.lastCheckpoint.seq < status.head.seq) ? status.head.seq - (status.lastCheckpoint?.seq ?? 0) : 0;
  return (
    <Card aria-label="Hash chain" className="mb-6">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 px-4 py-3 text-[13px] sm:grid-cols-4">
        <div>
          <dt className="text-xs font-medium text-zinc-500">Chain</dt>
          <dd className="mt-0.5 text-zinc-900" data-testid="chain-head">
            {status.head ? (
              <>
                {formatCount(status.head.seq)} links · <Digest value={status.head.chainHash} />
              </>
            ) : (
              "No links yet"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">Last signed checkpoint</dt>
          <dd className="mt-0.5 text-zinc-900">
            {status.lastCheckpoint ? (
              <>
                Link {formatCount(status.lastCheckpoint.seq)}, <Time iso={status.lastCheckpoint.at} relative />
              </>
            ) : (
              <span className="text-zinc-500">None yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">Not yet covered</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-1.5 text-zinc-900">
            <span>{formatCount(status.pending)} waiting to be linked</span>
            {unsigned > 0 ? <Badge tone="neutral">{formatCount(unsigned)} linked, not yet signed</Badge> : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">Signing key</dt>
          <dd className="mt-0.5 text-zinc-900">
            {status.keyId ? <code className="font-mono text-[12px]">{status.keyId}</code> : <Badge tone="amber">Not configured: no checkpoints are signed</Badge>}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
