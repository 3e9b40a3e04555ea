import { consoleRoute } from "@/lib/http/console-route";
import { acknowledgeIncident } from "@/lib/incidents";

export const POST = consoleRoute<{ id: string }>("manager", ({ db, actor, params, body }) => acknowledgeIncident(db, actor, params.id, body ?? {}));
