import Link from "next/link";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { CodeBlock } from "../ui/code-block";
import { PlusIcon } from "../ui/icons";

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-4">
      <span
        className="flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-50 text-xs font-semibold text-accent-700 ring-1 ring-accent-200"
        aria-hidden="true"
      >
        {n}
      </span>
      <div className="min-w-0 flex-1 pb-1">
        <h3 className="text-sm font-medium text-zinc-900">{title}</h3>
        <div className="mt-1 text-[13px] text-zinc-600">{children}</div>
      </div>
    </li>
  );
}

/** The overview's empty state: what to do before Warden has anything to show. */
export function GettingStarted({ canCreate, origin }: { canCreate: boolean; origin: string }) {
  return (
    <Card aria-labelledby="getting-started-title" className="px-6 py-6">
      <h2 id="getting-started-title" className="text-base font-semibold text-zinc-900">
        Connect your first agent
      </h2>
      <p className="mt-1 max-w-2xl text-[13px] text-zinc-600">
        Warden has no agents yet. Once an agent reports its runs and asks before it acts, this page shows its
        activity, spend, pending approvals and incidents.
      </p>
      <ol className="mt-6 max-w-3xl space-y-5">
        <Step n={1} title="Create an agent">
          An agent is one deployed bot or workflow. Its keys, budgets and action types hang off it.
          {canCreate ? (
            <div className="mt-3">
              <ButtonLink href="/agents?new=1" variant="primary" size="sm">
                <PlusIcon className="size-3.5" />
                Create agent
              </ButtonLink>
            </div>
          ) : (
            <p className="mt-1 text-zinc-500">Ask a manager or an admin to create one; your role can view agents but not add them.</p>
          )}
        </Step>
        <Step n={2} title="Create an API key">
          On the agent&apos;s page, create a key. Warden shows it once; put it in your secret store.
        </Step>
        <Step n={3} title="Send a run and ask before acting">
          <p>
            The agent&apos;s page has the commands, ready to paste: curl for starting a run and asking before acting, the
            TypeScript SDK, and OpenTelemetry settings. It shows the first run as soon as it arrives. The base URL is{" "}
            <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs text-zinc-800">{origin}/api/v1</code>; every
            endpoint is in the{" "}
            <Link href="/api-reference" className="font-medium text-accent-700 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
              API reference
            </Link>
            . This call checks a key:
          </p>
          <div className="mt-2">
            <CodeBlock code={`curl ${origin}/api/v1/agent \\\n  -H "Authorization: Bearer <key>"`} />
          </div>
        </Step>
      </ol>
    </Card>
  );
}
