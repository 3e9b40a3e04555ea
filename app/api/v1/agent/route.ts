import { agentRoute } from "@/lib/http/agent-route";

// Who am I? Lets an agent (or the SDK) check its key before it starts work.
export const GET = agentRoute(async ({ agent }) => ({ id: agent.agentId, name: agent.agentName, keyId: agent.keyId }));
