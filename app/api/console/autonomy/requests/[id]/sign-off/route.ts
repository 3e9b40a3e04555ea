import { signOffAutonomyRequest } from "@/lib/autonomy";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ id: string }>("admin", ({ db, actor, params, body }) => signOffAutonomyRequest(db, actor, params.id, body));
