import { agentRoute } from "@/lib/http/agent-route";
import { finishRun, getRun } from "@/lib/runs";

export const GET = agentRoute<{ id: string }>(({ db, agent, params }) => getRun(db, agent, params.id));
export const PATCH = agentRoute<{ id: string }>(({ db, agent, params, body }) => finishRun(db, agent, params.id, body));
