import { getAgentControls, updateAgentControls } from "@/lib/agents";
import { operatorActor } from "@/lib/auth/principal";
import { principalRoute } from "@/lib/http/principal-route";

// Operator API: an agent's budgets, spend caps, loop limit and kill switch (personal tokens only).
export const GET = principalRoute<{ id: string }>(({ db, principal, params }) => getAgentControls(db, operatorActor(principal), params.id));
export const PATCH = principalRoute<{ id: string }>(({ db, principal, params, body }) => updateAgentControls(db, operatorActor(principal), params.id, body));
