import { recordDraftOutcome } from "@/lib/actions";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ id: string }>("reviewer", ({ db, actor, params, body }) => recordDraftOutcome(db, actor, params.id, body));
