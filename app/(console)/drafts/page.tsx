import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { PageHeader } from "@/components/shell/page-header";
import { QueueView } from "@/components/review/queue-view";
import { READ_ONLY, loadQueuePage } from "@/components/review/load-queue-page";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("viewer");
  const data = await loadQueuePage(getDb(), actor, "draft", await searchParams);
  return (
    <>
      <PageHeader
        title="Drafts"
        description={hasRole(actor.role, "reviewer") ? "Recommendations from level-3 action types. Do the work yourself, then record what you did: as proposed, with changes, or not at all." : `Recommendations from level-3 action types. ${READ_ONLY}`}
      />
      <QueueView kind="draft" {...data} />
    </>
  );
}
