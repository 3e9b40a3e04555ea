import { consoleRoute } from "@/lib/http/console-route";
import { createUser, listUsers } from "@/lib/users";

export const GET = consoleRoute("admin", ({ db, actor }) => listUsers(db, actor));
export const POST = consoleRoute("admin", ({ db, actor, body }) => createUser(db, actor, body), { status: 201 });
