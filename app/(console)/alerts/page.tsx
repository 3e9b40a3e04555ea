import type { Metadata } from "next";
import { listChannels } from "@/lib/alerts";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { INCIDENT_KINDS, incidentKindLabel } from "@/lib/incidents";
import { ChannelsTable } from "@/components/alerts/channels-table";
import { NewChannel } from "@/components/alerts/new-channel";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Alert channels" };

export default async function AlertsPage() {
  const actor = await requirePageActor("viewer");
  const channels = await listChannels(getDb(), actor);
  const canManage = hasRole(actor.role, "manager");
  const kinds = Object.entries(INCIDENT_KINDS).map(([value, label]) => ({ value, label }));
  return (
    <>
      <PageHeader
        title="Alert channels"
        description="Where incidents go as they are raised: webhooks signed per Standard Webhooks (or Slack-compatible), retried until the receiver takes them."
        actions={canManage ? <NewChannel kinds={kinds} /> : null}
      />
      <Card>
        {channels.length === 0 ? (
          <EmptyState
            title="No channels yet"
            description={canManage ? "Add a webhook to hear about halted runs, spend alerts and kill switch flips without watching this console." : "A manager can add webhooks that receive incidents."}
          />
        ) : (
          <ChannelsTable channels={channels} kindLabel={incidentKindLabel} />
        )}
      </Card>
    </>
  );
}
