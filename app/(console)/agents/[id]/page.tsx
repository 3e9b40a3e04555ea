import type { Metadata } from "next";
import { BackLink } from "@/components/shell/back-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getAgentActivity, getAgentControls, getAgentOrThrow } from "@/lib/agents";
import { listHaltedRuns } from "@/lib/budgets";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { AgentDetails } from "@/components/agents/agent-details";
import { AgentLimitsForm } from "@/components/budgets/agent-limits-form";
import { HaltedRuns } from "@/components/budgets/halted-runs";
import { KillSwitchControl } from "@/components/switches/kill-switch-control";
import { CreateKey } from "@/components/agents/create-key";
import { KeysTable } from "@/components/agents/keys-table";
import { PageHeader } from "@/components/shell/page-header";
import { publicOrigin } from "@/components/shell/public-origin";
import { AgentActivity } from "@/components/agents/agent-activity";
import { ConnectGuide } from "@/components/onboarding/connect-guide";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

// Cached per request so the page and its <title> share one session check and one query.
const load = cache(async (id: string) => {
  const actor = await requirePageActor("viewer");
  try {
    const [agent, activity] = await Promise.all([getAgentOrThrow(getDb(), actor, id), getAgentActivity(getDb(), actor, id)]);
    return { actor, agent, activity };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { agent } = await load((await params).id);
  return { title: agent.name };
}

export default async function AgentPage({ params }: Props) {
  const { actor, agent, activity } = await load((await params).id);
  const canManage = hasRole(actor.role, "manager");
  const [origin, controls, halted] = await Promise.all([publicOrigin(), getAgentControls(getDb(), actor, agent.id), listHaltedRuns(getDb(), actor, agent.id)]);
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href="/agents">Agents</BackLink>}
        title={agent.name}
        description={agent.description ?? undefined}
        actions={
          <ButtonLink href={`/actions?agentId=${agent.id}`} size="sm" variant="secondary">
            All its actions
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <AgentDetails agent={agent} />
        <KillSwitchControl
          target={{ kind: "agent", agentId: agent.id, name: agent.name }}
          state={controls.killSwitch}
          canFlip={canManage}
          description="On, every request of this agent is halted at once, on every instance, until it is turned off."
        />
        <AgentActivity agentId={agent.id} initial={activity} />
        <AgentLimitsForm controls={controls} canEdit={canManage} />
        <HaltedRuns runs={halted} canGrant={canManage} />
        <Card aria-labelledby="keys-title">
          <CardHeader
            titleId="keys-title"
            title="API keys"
            description="The agent sends one of these as a bearer token. Revoked keys stop working at once."
          />
          {canManage ? <CreateKey agentId={agent.id} revokedKeyIds={agent.keys.filter((k) => k.revokedAt).map((k) => k.id)} /> : null}
          <KeysTable agentId={agent.id} keys={agent.keys} canManage={canManage} />
        </Card>
        <ConnectGuide origin={origin} />
      </div>
    </>
  );
}
