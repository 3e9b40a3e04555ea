import { consoleRoute } from "@/lib/http/console-route";
import { getOverview } from "@/lib/overview";

export const GET = consoleRoute("viewer", ({ db, actor }) => getOverview(db, actor));
