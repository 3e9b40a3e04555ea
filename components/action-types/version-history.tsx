import type { ActionTypeVersionView } from "@/lib/action-types/list-action-type-versions";
import { Digest } from "../audit/digest";
import { KIND_LABELS } from "../audit/kinds";
import { ChangeList } from "../review/change-list";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { Time } from "../ui/time";

/** Every version of the type's settings, newest first, each with what changed and who changed it. */
export function VersionHistory({ versions }: { versions: ActionTypeVersionView[] }) {
  return (
    <Card aria-labelledby="versions-title">
      <CardHeader
        titleId="versions-title"
        title="Policy history"
        description="Every change makes a new version; each decision's receipt names the version it was made under and this digest of its settings."
      />
      {versions.length === 0 ? (
        <EmptyState title="No versions recorded" />
      ) : (
        <ol className="divide-y divide-zinc-100" aria-label="Versions">
          {versions.map((v, i) => (
            <li key={v.version} className="px-4 py-3" data-testid="type-version">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px]">
                <Badge tone={i === 0 ? "accent" : "neutral"}>v{v.version}</Badge>
                <span className="font-medium text-zinc-900">{v.change ? (KIND_LABELS[v.change] ?? v.change) : i === versions.length - 1 ? "First version" : "Changed"}</span>
                {v.by ? <span className="text-zinc-600">by {v.by}</span> : null}
                <span className="text-xs text-zinc-500">
                  <Time iso={v.at} />
                </span>
                <span className="ml-auto text-xs text-zinc-500">
                  settings <Digest value={v.digest} />
                </span>
              </div>
              {v.reason ? <p className="mt-1 text-[13px] text-zinc-600">“{v.reason}”</p> : null}
              {v.changes.length > 0 ? (
                <div className="mt-2">
                  <ChangeList changes={v.changes} beforeLabel={`v${v.version - 1}`} afterLabel={`v${v.version}`} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
