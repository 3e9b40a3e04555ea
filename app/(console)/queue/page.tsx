import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { PageHeader } from "@/components/shell/page-header";
import { QueueView } from "@/components/review/queue-view";
import { READ_ONLY, loadQueuePage } from "@/components/review/load-queue-page";

export const metadata: Metadata = { title: "Approvals" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("viewer");
  const data = await loadQueuePage(getDb(), actor, "approval", await searchParams);
  return (
    <>
      <PageHeader
        title="Approvals"
        description={hasRole(actor.role, "reviewer") ? "Actions that agents are waiting on. Open one to approve it, edit its payload, or reject it with a reason." : `Actions that agents are waiting on. ${READ_ONLY}`}
      />
      <QueueView kind="approval" {...data} />
    </>
  );
}
