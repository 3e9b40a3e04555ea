import { operatorActor } from "@/lib/auth/principal";
import { principalRoute } from "@/lib/http/principal-route";
import { listIncidents } from "@/lib/incidents";

export const GET = principalRoute(({ req, db, principal }) =>
  listIncidents(db, operatorActor(principal), Object.fromEntries(new URL(req.url).searchParams)),
);
