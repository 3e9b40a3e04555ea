import { getAutonomyHistory } from "@/lib/autonomy";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute<{ key: string }>("viewer", ({ db, actor, params }) => getAutonomyHistory(db, actor, params.key));
