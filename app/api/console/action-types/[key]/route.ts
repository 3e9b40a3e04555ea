import { getActionTypeOrThrow, updateActionType } from "@/lib/action-types";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute<{ key: string }>("viewer", ({ db, actor, params }) => getActionTypeOrThrow(db, actor, params.key));
export const PATCH = consoleRoute<{ key: string }>("manager", ({ db, actor, params, body }) => updateActionType(db, actor, params.key, body));
