import { authorizeAction } from "@/lib/actions";
import { foldedAgentRoute } from "@/lib/http/agent-route";

export const dynamic = "force-dynamic";

// The agents' hot path: one statement records the decision with its bookkeeping (lib/actions/commit-action-request.ts).
export const POST = foldedAgentRoute(({ db, body, fold }) => authorizeAction(db, body, fold));
