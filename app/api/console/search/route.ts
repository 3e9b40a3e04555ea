import { consoleRoute } from "@/lib/http/console-route";
import { searchConsole } from "@/lib/search";

export const GET = consoleRoute("viewer", ({ db, actor, req }) => searchConsole(db, actor, Object.fromEntries(new URL(req.url).searchParams)));
