import { requestAction } from "@/lib/actions";
import { agentRoute } from "@/lib/http/agent-route";

export const POST = agentRoute(({ db, agent, body }) => requestAction(db, agent, body), { status: 201 });
