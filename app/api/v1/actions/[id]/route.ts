import { getAction } from "@/lib/actions";
import { agentRoute } from "@/lib/http/agent-route";

export const dynamic = "force-dynamic";

export const GET = agentRoute<{ id: string }>(({ db, agent, params, url, req }) =>
  getAction(db, agent, params.id, Object.fromEntries(url.searchParams), req.signal),
);
