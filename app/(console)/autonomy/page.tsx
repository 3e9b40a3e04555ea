import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getAutonomyBoard } from "@/lib/autonomy";
import { getDb } from "@/lib/db";
import { AutonomyBoard } from "@/components/autonomy/board";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Autonomy" };

export default async function AutonomyPage() {
  const actor = await requirePageActor("viewer");
  const types = await getAutonomyBoard(getDb(), actor);
  const canManage = hasRole(actor.role, "manager");
  return (
    <>
      <PageHeader
        title="Autonomy"
        description={
          canManage
            ? "Each action type's level and the evidence for changing it. Promote when the evidence meets the thresholds; demotion is immediate."
            : "Each action type's level and the evidence for changing it. Managers promote and demote; admins sign off full autonomy."
        }
      />
      {types.length === 0 ? (
        <Card>
          <EmptyState
            title="No action types yet"
            description="A type is registered the first time an agent asks to perform it, at level 3 (draft). Its evidence builds up here as people review what it proposes."
          />
        </Card>
      ) : (
        <AutonomyBoard
          types={types}
          permissions={{ canManage, canSignOff: hasRole(actor.role, "admin"), selfId: actor.id }}
        />
      )}
    </>
  );
}
