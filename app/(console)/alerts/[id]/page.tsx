import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getChannel } from "@/lib/alerts";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { INCIDENT_KINDS } from "@/lib/incidents";
import { ChannelDetail } from "@/components/alerts/channel-detail";
import { SEVERITY_SHORT } from "@/components/alerts/channels-table";
import { BackLink } from "@/components/shell/back-link";
import { PageHeader } from "@/components/shell/page-header";

const load = cache(async (id: string) => {
  const actor = await requirePageActor("viewer");
  try {
    return { actor, detail: await getChannel(getDb(), actor, id) };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await load((await params).id);
  return { title: detail.channel.name };
}

export default async function AlertChannelPage({ params }: Props) {
  const { actor, detail } = await load((await params).id);
  const c = detail.channel;
  const kinds = Object.entries(INCIDENT_KINDS).map(([value, label]) => ({ value, label }));
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href="/alerts">Alert channels</BackLink>}
        title={c.name}
        description={`${c.format === "slack" ? "Slack-compatible" : "Standard Webhooks"} · ${SEVERITY_SHORT[c.minSeverity]} · ${c.kinds.length === 0 ? "every kind" : `${c.kinds.length} kinds`} · ${c.url}`}
      />
      <ChannelDetail initial={detail} kinds={kinds} canManage={hasRole(actor.role, "manager")} />
    </>
  );
}
