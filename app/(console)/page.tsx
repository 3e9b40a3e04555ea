import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getOverview } from "@/lib/overview";
import { GettingStarted } from "@/components/overview/getting-started";
import { RecentRuns } from "@/components/overview/recent-runs";
import { StatTiles } from "@/components/overview/stat-tiles";
import { PageHeader } from "@/components/shell/page-header";
import { publicOrigin } from "@/components/shell/public-origin";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requirePageActor("viewer");
  const overview = await getOverview(getDb(), actor);
  return (
    <>
      <PageHeader title="Overview" description="Your agent fleet at a glance: activity, spend and what needs a person." />
      {overview.agents === 0 ? (
        <GettingStarted canCreate={hasRole(actor.role, "manager")} origin={await publicOrigin()} />
      ) : (
        <div className="space-y-6">
          <StatTiles overview={overview} />
          <RecentRuns runs={overview.recentRuns} />
        </div>
      )}
    </>
  );
}
