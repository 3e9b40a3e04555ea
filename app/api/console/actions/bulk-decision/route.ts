import { decideActions } from "@/lib/actions";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute("reviewer", ({ db, actor, body }) => decideActions(db, actor, body));
