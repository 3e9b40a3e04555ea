import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { PageHeader } from "@/components/shell/page-header";
import { QueueView } from "@/components/review/queue-view";
import { loadQueuePage } from "@/components/review/load-queue-page";

export const metadata: Metadata = { title: "Approvals" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("reviewer");
  const data = await loadQueuePage(getDb(), actor, "approval", await searchParams);
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Actions that agents are waiting on. Open one to approve it, edit its payload, or reject it with a reason."
      />
      <QueueView kind="approval" {...data} />
    </>
  );
}
