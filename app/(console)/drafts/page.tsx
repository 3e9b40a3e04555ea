import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { PageHeader } from "@/components/shell/page-header";
import { QueueView } from "@/components/review/queue-view";
import { loadQueuePage } from "@/components/review/load-queue-page";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("reviewer");
  const data = await loadQueuePage(getDb(), actor, "draft", await searchParams);
  return (
    <>
      <PageHeader
        title="Drafts"
        description="Recommendations from level-3 action types. Do the work yourself, then record what you did: as proposed, with changes, or not at all."
      />
      <QueueView kind="draft" {...data} />
    </>
  );
}
