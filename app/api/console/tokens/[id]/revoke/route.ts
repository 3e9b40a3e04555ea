import { consoleRoute } from "@/lib/http/console-route";
import { revokePersonalToken } from "@/lib/tokens";

export const POST = consoleRoute<{ id: string }>("manager", ({ db, actor, params }) => revokePersonalToken(db, actor, params.id));
