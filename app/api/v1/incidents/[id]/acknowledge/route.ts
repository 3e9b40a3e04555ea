import { operatorActor } from "@/lib/auth/principal";
import { principalRoute } from "@/lib/http/principal-route";
import { acknowledgeIncident } from "@/lib/incidents";

export const POST = principalRoute<{ id: string }>(({ db, principal, params, body }) => acknowledgeIncident(db, operatorActor(principal), params.id, body ?? {}));
