import { createAgent, listAgents } from "@/lib/agents";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute("viewer", ({ db, actor }) => listAgents(db, actor));
export const POST = consoleRoute("manager", ({ db, actor, body }) => createAgent(db, actor, body), { status: 201 });
