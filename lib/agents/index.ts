export { listAgents, getAgentOrThrow } from "./list-agents";
export { getAgentActivity } from "./get-agent-activity";
export { createAgent } from "./create-agent";
export { createApiKey, insertApiKey } from "./create-api-key";
export { revokeApiKey } from "./revoke-api-key";
export { authenticateAgent, type AuthenticatedAgent } from "./authenticate-agent";
export { generateApiKey, hashApiKey, keyPrefix } from "./api-key-format";
export * from "./schemas";
export { getAgentControls, updateAgentControls } from "./agent-controls";
