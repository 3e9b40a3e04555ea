import { consoleRoute } from "@/lib/http/console-route";
import { listQueue } from "@/lib/review";

export const GET = consoleRoute("viewer", ({ db, actor, req }) => listQueue(db, actor, Object.fromEntries(new URL(req.url).searchParams)));
