import { getAgentControls, updateAgentControls } from "@/lib/agents";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute<{ id: string }>("viewer", ({ db, actor, params }) => getAgentControls(db, actor, params.id));
export const PATCH = consoleRoute<{ id: string }>("manager", ({ db, actor, params, body }) => updateAgentControls(db, actor, params.id, body));
