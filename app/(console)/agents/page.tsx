import type { Metadata } from "next";
import { listAgents } from "@/lib/agents";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AgentsTable } from "@/components/agents/agents-table";
import { NewAgent } from "@/components/agents/new-agent";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const actor = await requirePageActor("viewer");
  const agents = await listAgents(getDb(), actor);
  const canManage = hasRole(actor.role, "manager");
  const openNew = canManage && (await searchParams).new === "1";
  return (
    <>
      <PageHeader
        title="Agents"
        description="Each agent authenticates with its own API keys and reports its runs and actions to Warden."
        actions={canManage && agents.length > 0 ? <NewAgent defaultOpen={openNew} /> : null}
      />
      <Card>
        {agents.length === 0 ? (
          <EmptyState
            title={canManage ? "Create your first agent" : "No agent has been created yet"}
            description={
              canManage
                ? "Create an agent, then give it an API key so it can report runs and ask before it acts."
                : "A manager or an admin can create the first agent. It will be listed here."
            }
            action={canManage ? <NewAgent defaultOpen={openNew} /> : null}
          />
        ) : (
          <AgentsTable agents={agents} />
        )}
      </Card>
    </>
  );
}
