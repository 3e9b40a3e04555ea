import { operatorActor } from "@/lib/auth/principal";
import { principalRoute } from "@/lib/http/principal-route";
import { resolveIncident } from "@/lib/incidents";

export const POST = principalRoute<{ id: string }>(({ db, principal, params, body }) => resolveIncident(db, operatorActor(principal), params.id, body ?? {}));
