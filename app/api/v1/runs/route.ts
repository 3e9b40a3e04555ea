import { agentRoute } from "@/lib/http/agent-route";
import { startRun } from "@/lib/runs";

export const POST = agentRoute(({ db, agent, body }) => startRun(db, agent, body), { status: 201 });
