import { consoleRoute } from "@/lib/http/console-route";
import { getGlobalKillSwitch, setKillSwitch } from "@/lib/switches";

export const GET = consoleRoute("viewer", ({ db, actor }) => getGlobalKillSwitch(db, actor));
export const PUT = consoleRoute("manager", ({ db, actor, body }) => setKillSwitch(db, actor, { kind: "global" }, body));
