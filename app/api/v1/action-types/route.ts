import { declareActionType } from "@/lib/action-types";
import { listActionTypesFor } from "@/lib/autonomy/manage-action-type";
import { agentRoute } from "@/lib/http/agent-route";
import { principalRoute } from "@/lib/http/principal-route";

export const GET = principalRoute(({ db, principal }) => listActionTypesFor(db, principal));

// 201 when this declaration created the type, 200 when it existed (returned unchanged).
export const POST = agentRoute(async ({ db, agent, body }) => {
  const { actionType, created } = await declareActionType(db, agent, body);
  return Response.json(actionType, { status: created ? 201 : 200, headers: { "cache-control": "no-store" } });
});
