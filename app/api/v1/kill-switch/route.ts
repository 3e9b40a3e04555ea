import { operatorActor } from "@/lib/auth/principal";
import { principalRoute } from "@/lib/http/principal-route";
import { getGlobalKillSwitch, setKillSwitch } from "@/lib/switches";

// Operator API: the global kill switch (personal tokens only).
export const GET = principalRoute(({ db, principal }) => getGlobalKillSwitch(db, operatorActor(principal)));
export const PUT = principalRoute(({ db, principal, body }) => setKillSwitch(db, operatorActor(principal), { kind: "global" }, body));
