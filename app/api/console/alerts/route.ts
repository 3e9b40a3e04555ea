import { createChannel, listChannels } from "@/lib/alerts";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute("viewer", ({ db, actor }) => listChannels(db, actor));
export const POST = consoleRoute("manager", ({ db, actor, body }) => createChannel(db, actor, body), { status: 201 });
