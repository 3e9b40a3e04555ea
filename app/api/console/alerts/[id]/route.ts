import { deleteChannel, getChannel, updateChannel } from "@/lib/alerts";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute<{ id: string }>("viewer", ({ db, actor, params }) => getChannel(db, actor, params.id));
export const PATCH = consoleRoute<{ id: string }>("manager", ({ db, actor, params, body }) => updateChannel(db, actor, params.id, body));
export const DELETE = consoleRoute<{ id: string }>("manager", ({ db, actor, params }) => deleteChannel(db, actor, params.id));
