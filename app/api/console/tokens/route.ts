import { consoleRoute } from "@/lib/http/console-route";
import { createPersonalToken, listPersonalTokens } from "@/lib/tokens";

export const GET = consoleRoute("manager", ({ db, actor }) => listPersonalTokens(db, actor));
export const POST = consoleRoute("manager", ({ db, actor, body }) => createPersonalToken(db, actor, body), { status: 201 });
