import type { Check, Evidence } from "@/lib/autonomy";
import type { AutonomyChangeView } from "@/lib/autonomy/schemas";
import { formatCount } from "../format";
import { Badge } from "../ui/badge";
import { cn } from "../ui/cn";
import { EmptyState } from "../ui/empty-state";
import { Time } from "../ui/time";
import { pct } from "./format";
import { ArrowDownIcon, ArrowUpIcon, ChevronRightIcon, ClockIcon } from "../ui/icons";
import { levelLabel } from "../action-types/levels";
import { CheckList } from "./progress";

type Snapshot = { evidence?: Partial<Evidence>; eligibility?: { eligible?: boolean; nextLevel?: number | null; checks?: Check[] } };

// Older snapshots carry the checks' earlier names; show them under today's.
function currentLabel(label: string): string {
  if (label === "reviewed executions") return "reviewed proposals";
  return label.replace(/^failed executions in the last /, "failed agent executions in the last ");
}

// The snapshot is stored JSON written by lib/autonomy; read it defensively (older rows may lack fields).
function readSnapshot(raw: unknown): Snapshot {
  const snap: Snapshot = raw && typeof raw === "object" ? (raw as Snapshot) : {};
  const checks = snap.eligibility?.checks;
  return Array.isArray(checks) ? { ...snap, eligibility: { ...snap.eligibility, checks: checks.map((c) => ({ ...c, label: currentLabel(String(c.label)) })) } } : snap;
}

function evidenceLine(ev: Partial<Evidence>): string {
  const parts: string[] = [];
  if (typeof ev.reviewed === "number") parts.push(`${formatCount(ev.reviewed)} reviewed proposals`);
  if (ev.acceptanceRate !== undefined) parts.push(`${pct(ev.acceptanceRate)} accepted`);
  if (ev.editRate !== undefined && ev.editRate !== null) parts.push(`${pct(ev.editRate)} edited`);
  if (typeof ev.executions === "number") {
    parts.push(ev.executions ? `${formatCount(ev.failedExecutions ?? 0)} of ${formatCount(ev.executions)} agent executions failed` : "no agent executions");
  }
  if (ev.auditPassRate !== undefined && ev.auditPassRate !== null) parts.push(`audit pass ${pct(ev.auditPassRate)}`);
  return parts.join(" · ");
}

function Title({ c }: { c: AutonomyChangeView }) {
  if (c.status === "pending") return <>Level 0 requested</>;
  if (c.status === "denied") return <>Request for level 0 denied</>;
  const verb = c.toLevel < c.fromLevel ? "Promoted" : "Demoted";
  return (
    <>
      {verb} from {levelLabel(c.fromLevel)} to {levelLabel(c.toLevel)}
    </>
  );
}

function Marker({ c }: { c: AutonomyChangeView }) {
  const promoted = c.status === "applied" && c.toLevel < c.fromLevel;
  const demoted = c.status === "applied" && c.toLevel > c.fromLevel;
  const Icon = promoted ? ArrowUpIcon : demoted ? ArrowDownIcon : ClockIcon;
  return (
    <span
      className={cn(
        "flex size-6 items-center justify-center rounded-full ring-4 ring-surface",
        promoted ? "bg-emerald-100 text-emerald-700" : demoted ? "bg-red-100 text-red-700" : c.status === "pending" ? "bg-amber-100 text-amber-700" : "bg-zinc-100 text-zinc-500",
      )}
    >
      <Icon className="size-3.5" />
    </span>
  );
}

/** A type's level changes, newest first, each with who, when, why and the evidence it was based on. */
export function AutonomyTimeline({ changes }: { changes: AutonomyChangeView[] }) {
  if (changes.length === 0) {
    return <EmptyState title="No level changes yet" description="New types start at level 3. Promotions, demotions and requests for full autonomy are listed here with their evidence." />;
  }
  return (
    <ol className="relative px-4 py-4" aria-label="Level changes, newest first">
      {changes.map((c, i) => {
        const snap = readSnapshot(c.evidence);
        const line = snap.evidence ? evidenceLine(snap.evidence) : "";
        const checks = snap.eligibility?.checks ?? [];
        return (
          <li key={c.id} className="relative flex gap-3 pb-5 last:pb-0" data-testid="autonomy-change">
            {i < changes.length - 1 ? <span aria-hidden="true" className="absolute top-6 bottom-0 left-3 w-px bg-zinc-200" /> : null}
            <Marker c={c} />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <p className="text-[13px] font-medium text-zinc-900">
                  <Title c={c} />
                </p>
                {c.status === "pending" ? <Badge tone="amber">Waiting for sign-off</Badge> : null}
                {c.status === "denied" ? <Badge tone="neutral">Denied</Badge> : null}
                {c.override ? (
                  <Badge tone="amber" dot>
                    Override
                  </Badge>
                ) : null}
                {c.automatic ? <Badge tone="red">Automatic</Badge> : null}
              </div>
              <p className="mt-0.5 text-xs text-zinc-500">
                {c.automatic ? "By Warden" : `By ${c.by ?? "a deleted user"}`}
                {c.approvedBy && c.status === "applied" ? ` · signed off by ${c.approvedBy}` : null}
                {c.approvedBy && c.status === "denied" ? ` · denied by ${c.approvedBy}` : null}
                {" · "}
                <Time iso={c.createdAt} />
              </p>
              <p className="mt-1.5 text-[13px] break-words text-zinc-800">{c.reason}</p>
              {c.decisionReason && c.decisionReason !== c.reason ? (
                <p className="mt-1 text-[13px] break-words text-zinc-600">
                  <span className="font-medium text-zinc-700">{c.status === "denied" ? "Reason for denial: " : "Sign-off note: "}</span>
                  {c.decisionReason}
                </p>
              ) : null}
              {line || checks.length ? (
                <details className="group mt-2 rounded-md border border-zinc-200 bg-zinc-50/70 px-3 py-2 text-xs text-zinc-600">
                  <summary className="flex cursor-pointer list-none items-start gap-1 rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-accent-500 [&::-webkit-details-marker]:hidden">
                    <ChevronRightIcon className="mt-px size-3.5 shrink-0 text-zinc-500 transition-transform group-open:rotate-90" />
                    <span>
                      <span className="font-medium text-zinc-700">Evidence then:</span> {line || "—"}
                      {snap.eligibility?.eligible === false && checks.length ? <span className="text-amber-800"> · not eligible</span> : null}
                      {snap.eligibility?.eligible ? <span className="text-emerald-700"> · eligible</span> : null}
                    </span>
                  </summary>
                  {checks.length ? (
                    <div className="mt-2 border-t border-zinc-200 pt-2">
                      <p className="mb-1 text-zinc-500">Thresholds for level {snap.eligibility?.nextLevel ?? "—"} at the time</p>
                      <CheckList checks={checks} compact />
                    </div>
                  ) : null}
                </details>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
