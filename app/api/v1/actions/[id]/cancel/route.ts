import { cancelAction } from "@/lib/actions";
import { agentRoute } from "@/lib/http/agent-route";

export const POST = agentRoute<{ id: string }>(({ db, agent, params, body }) => cancelAction(db, agent, params.id, body));
