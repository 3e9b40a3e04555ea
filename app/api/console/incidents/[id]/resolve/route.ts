import { consoleRoute } from "@/lib/http/console-route";
import { resolveIncident } from "@/lib/incidents";

export const POST = consoleRoute<{ id: string }>("manager", ({ db, actor, params, body }) => resolveIncident(db, actor, params.id, body ?? {}));
