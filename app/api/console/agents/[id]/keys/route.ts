import { createApiKey } from "@/lib/agents";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ id: string }>(
  "manager",
  ({ db, actor, params, body }) => createApiKey(db, actor, params.id, body ?? {}),
  { status: 201 },
);
