import { getAgentActivity } from "@/lib/agents";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute<{ id: string }>("viewer", ({ db, actor, params }) => getAgentActivity(db, actor, params.id));
