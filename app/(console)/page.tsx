import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getOverview } from "@/lib/overview";
import { ConnectGuide } from "@/components/onboarding/connect-guide";
import { FirstRunWatch } from "@/components/overview/first-run-watch";
import { GettingStarted } from "@/components/overview/getting-started";
import { RecentRuns } from "@/components/overview/recent-runs";
import { StatTiles } from "@/components/overview/stat-tiles";
import { PageHeader } from "@/components/shell/page-header";
import { publicOrigin } from "@/components/shell/public-origin";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requirePageActor("viewer");
  const overview = await getOverview(getDb(), actor);
  const origin = await publicOrigin();
  return (
    <>
      <PageHeader title="Overview" description="Your agent fleet at a glance: activity, spend and what needs a person." />
      {overview.agents === 0 ? (
        <GettingStarted canCreate={hasRole(actor.role, "manager")} origin={origin} />
      ) : (
        <div className="space-y-6">
          <StatTiles overview={overview} />
          {overview.recentRuns.length === 0 ? (
            // Until the first run arrives, the way to send one stays in view.
            <>
              <FirstRunWatch />
              <ConnectGuide origin={origin} title="Send the first run" />
            </>
          ) : (
            <RecentRuns runs={overview.recentRuns} />
          )}
        </div>
      )}
    </>
  );
}
