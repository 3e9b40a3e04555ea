import type { Metadata } from "next";
import { BackLink } from "@/components/shell/back-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getAutonomyBoard, getAutonomyHistory } from "@/lib/autonomy";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { EvidenceCharts } from "@/components/autonomy/evidence-charts";
import { AutonomyTimeline } from "@/components/autonomy/timeline";
import { TypeSummary } from "@/components/autonomy/type-summary";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

// Cached per request so the page and its <title> share one session check and one load.
const load = cache(async (key: string) => {
  const actor = await requirePageActor("viewer");
  const db = getDb();
  try {
    const [history, board] = await Promise.all([getAutonomyHistory(db, actor, key), getAutonomyBoard(db, actor)]);
    const type = board.find((t) => t.key === history.key);
    if (!type) notFound();
    return { actor, history, type };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

type Props = { params: Promise<{ key: string }> };

/** The key from the URL; a malformed escape is a key no type has. */
function keyFrom(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    notFound();
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { type } = await load(keyFrom((await params).key));
  return { title: `${type.key} · Autonomy` };
}

export default async function AutonomyTypePage({ params }: Props) {
  const { actor, history, type } = await load(keyFrom((await params).key));
  const th = type.thresholds;
  const next = type.eligibility.nextLevel;
  const acceptanceBar = next === 2 ? th.draftToApprovalMinAcceptance : next === 1 ? th.approvalToAuditMinAcceptance : null;
  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/autonomy">Autonomy</BackLink>
        }
        title={type.key}
        description={type.description ?? undefined}
      />
      <div className="space-y-6">
        <TypeSummary
          type={type}
          permissions={{ canManage: hasRole(actor.role, "manager"), canSignOff: hasRole(actor.role, "admin"), selfId: actor.id }}
        />
        <Card aria-labelledby="trend-title">
          <CardHeader
            titleId="trend-title"
            title="Last 30 days"
            description={
              acceptanceBar !== null
                ? `Daily evidence, UTC days. The dashed line is the acceptance the next level needs (${Math.round(acceptanceBar * 1000) / 10}%).`
                : "Daily evidence, UTC days."
            }
          />
          <CardBody>
            <EvidenceCharts series={history.series} acceptanceBar={acceptanceBar} />
          </CardBody>
        </Card>
        <Card aria-labelledby="history-title">
          <CardHeader titleId="history-title" title="History" description="Every level change with who made it, why, and the evidence it was based on." />
          <AutonomyTimeline changes={history.changes} />
        </Card>
      </div>
    </>
  );
}
