import { operatorActor } from "@/lib/auth/principal";
import { grantRunBudget } from "@/lib/budgets";
import { principalRoute } from "@/lib/http/principal-route";

// Operator API: let a run a breaker halted continue with raised limits (personal tokens only).
export const POST = principalRoute<{ id: string }>(({ db, principal, params, body }) => grantRunBudget(db, operatorActor(principal), params.id, body ?? {}));
