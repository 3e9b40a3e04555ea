import type { Metadata } from "next";
import { listActionTypes } from "@/lib/action-types";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ActionTypesTable } from "@/components/action-types/action-types-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Action types" };

export default async function ActionTypesPage() {
  const actor = await requirePageActor("viewer");
  const types = await listActionTypes(getDb(), actor);
  return (
    <>
      <PageHeader
        title="Action types"
        description="Everything agents ask to do, with the autonomy level and guardrails of each. New types start at level 3 (draft)."
      />
      <Card>
        {types.length === 0 ? (
          <EmptyState
            title="No action types yet"
            description="A type is registered the first time an agent asks to perform it, at level 3: the agent only proposes and a person does the work."
          />
        ) : (
          <ActionTypesTable types={types} />
        )}
      </Card>
    </>
  );
}
