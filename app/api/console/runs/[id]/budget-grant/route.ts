import { grantRunBudget } from "@/lib/budgets";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ id: string }>("manager", ({ db, actor, params, body }) => grantRunBudget(db, actor, params.id, body ?? {}));
