import { agentRoute } from "@/lib/http/agent-route";
import { recordSpans } from "@/lib/runs";

export const POST = agentRoute<{ id: string }>(({ db, agent, params, body }) => recordSpans(db, agent, params.id, body));
