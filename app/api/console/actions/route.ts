import { listActions } from "@/lib/actions";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute("viewer", ({ db, actor, req }) => listActions(db, actor, Object.fromEntries(new URL(req.url).searchParams)));
