import { consoleRoute } from "@/lib/http/console-route";
import { getActionDetail } from "@/lib/review";

export const GET = consoleRoute<{ id: string }>("viewer", ({ db, actor, params }) => getActionDetail(db, actor, params.id));
