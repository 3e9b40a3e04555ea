import { requestFullAutonomy } from "@/lib/autonomy";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ key: string }>("manager", ({ db, actor, params, body }) => requestFullAutonomy(db, actor, params.key, body), { status: 201 });
