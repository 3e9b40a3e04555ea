import { sendTestAlert } from "@/lib/alerts";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ id: string }>("manager", ({ db, actor, params }) => sendTestAlert(db, actor, params.id));
