import { agentRoute } from "@/lib/http/agent-route";
import { recordScore } from "@/lib/scores";

export const POST = agentRoute(({ db, agent, body }) => recordScore(db, agent, body), { status: 201 });
