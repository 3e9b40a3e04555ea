import { consoleRoute } from "@/lib/http/console-route";
import { updateUser } from "@/lib/users";

export const PATCH = consoleRoute<{ id: string }>("admin", ({ db, actor, params, body }) =>
  updateUser(db, actor, params.id, body),
);
