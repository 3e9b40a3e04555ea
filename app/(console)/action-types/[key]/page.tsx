import type { Metadata } from "next";
import { BackLink } from "@/components/shell/back-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getActionTypeOrThrow, listActionTypeVersions } from "@/lib/action-types";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { ActionTypeForm } from "@/components/action-types/action-type-form";
import { ActionTypeSummary } from "@/components/action-types/action-type-summary";
import { AutonomyCard } from "@/components/action-types/autonomy-card";
import { VersionHistory } from "@/components/action-types/version-history";
import { PageHeader } from "@/components/shell/page-header";
import { KillSwitchControl } from "@/components/switches/kill-switch-control";

const load = cache(async (key: string) => {
  const actor = await requirePageActor("viewer");
  try {
    const [type, versions] = await Promise.all([getActionTypeOrThrow(getDb(), actor, key), listActionTypeVersions(getDb(), actor, key)]);
    return { actor, type, versions };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { type } = await load((await params).key);
  return { title: type.key };
}

export default async function ActionTypePage({ params }: Props) {
  const { actor, type, versions } = await load((await params).key);
  const canEdit = hasRole(actor.role, "manager");
  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/action-types">Action types</BackLink>
        }
        title={<span className="font-mono text-[19px] tracking-normal">{type.key}</span>}
        description={type.description ?? "No description yet."}
      />
      <div className="space-y-6">
        <AutonomyCard type={type} />
        <KillSwitchControl
          target={{ kind: "action_type", key: type.key }}
          state={{ on: type.killSwitch, reason: type.killSwitchReason, changedAt: type.killSwitchChangedAt }}
          canFlip={canEdit}
          description="On, every request of this type from any agent is halted at once; other types go on."
        />
        {canEdit ? <ActionTypeForm initial={type} /> : <ActionTypeSummary type={type} />}
        <VersionHistory versions={versions} />
      </div>
    </>
  );
}
