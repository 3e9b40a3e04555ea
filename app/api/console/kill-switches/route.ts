import { consoleRoute } from "@/lib/http/console-route";
import { getActiveKillSwitches } from "@/lib/switches";

// Every switch that is on (the banner refreshes from it).
export const GET = consoleRoute("viewer", ({ db }) => getActiveKillSwitches(db));
