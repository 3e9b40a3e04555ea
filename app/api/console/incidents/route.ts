import { consoleRoute } from "@/lib/http/console-route";
import { listIncidents } from "@/lib/incidents";

export const GET = consoleRoute("viewer", ({ req, db, actor }) => listIncidents(db, actor, Object.fromEntries(new URL(req.url).searchParams)));
