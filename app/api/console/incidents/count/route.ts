import { consoleRoute } from "@/lib/http/console-route";
import { countIncidents } from "@/lib/incidents";

export const GET = consoleRoute("viewer", ({ db, actor }) => countIncidents(db, actor));
