import { decideAction } from "@/lib/actions";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ id: string }>("reviewer", ({ db, actor, params, body }) => decideAction(db, actor, params.id, body));
