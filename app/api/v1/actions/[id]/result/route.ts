import { reportActionResult } from "@/lib/actions";
import { agentRoute } from "@/lib/http/agent-route";

export const POST = agentRoute<{ id: string }>(({ db, agent, params, body }) => reportActionResult(db, agent, params.id, body));
