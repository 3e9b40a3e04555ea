import { revokeApiKey } from "@/lib/agents";
import { consoleRoute } from "@/lib/http/console-route";

export const POST = consoleRoute<{ id: string; keyId: string }>("manager", ({ db, actor, params }) =>
  revokeApiKey(db, actor, params.id, params.keyId),
);
