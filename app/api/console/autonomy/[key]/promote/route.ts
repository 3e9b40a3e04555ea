import { promoteActionType } from "@/lib/autonomy";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ key: string }>("manager", ({ db, actor, params, body }) => promoteActionType(db, actor, params.key, body));
