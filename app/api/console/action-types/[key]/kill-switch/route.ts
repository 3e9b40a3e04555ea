import { consoleRoute } from "@/lib/http/console-route";
import { setKillSwitch } from "@/lib/switches";

export const PUT = consoleRoute<{ key: string }>("manager", ({ db, actor, params, body }) => setKillSwitch(db, actor, { kind: "action_type", key: params.key }, body));
