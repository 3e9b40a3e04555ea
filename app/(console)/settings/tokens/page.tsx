import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listPersonalTokens } from "@/lib/tokens";
import { PageHeader } from "@/components/shell/page-header";
import { publicOrigin } from "@/components/shell/public-origin";
import { CreateToken } from "@/components/tokens/create-token";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor("manager");
  const [tokens, origin] = await Promise.all([listPersonalTokens(getDb(), actor), publicOrigin()]);
  const active = tokens.filter((t) => !t.revokedAt).length;
  return (
    <>
      <PageHeader
        title="API tokens"
        description={`Personal tokens let scripts manage action types and their guardrails as code, through the REST API. A token acts as you, with your role (${actor.role}).`}
      />
      <div className="space-y-6">
        <Card aria-labelledby="tokens-title">
          <CardHeader titleId="tokens-title" title="Your tokens" description={`${active} active, ${tokens.length - active} revoked. Each is shown once, when it is created.`} />
          <CreateToken origin={origin} revokedIds={tokens.filter((t) => t.revokedAt).map((t) => t.id)} />
          <TokensTable tokens={tokens} />
        </Card>
        <Card aria-labelledby="use-title">
          <CardHeader
            titleId="use-title"
            title="Policy as code"
            description="Read every action type, then change a guardrail. Level changes follow the console's rules: a reason, evidence or an override, and a second admin for level 0."
          />
          <CardBody className="space-y-3">
            <CodeBlock code={`curl ${origin}/api/v1/action-types \\\n  -H "Authorization: Bearer <token>"`} />
            <CodeBlock
              code={`curl -X PATCH ${origin}/api/v1/action-types/support.reply \\\n  -H "Authorization: Bearer <token>" \\\n  -H "Content-Type: application/json" \\\n  -d '{"minConfidence": 0.8, "auditSampleRate": 0.2}'`}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
