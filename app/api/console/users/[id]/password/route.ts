import { consoleRoute } from "@/lib/http/console-route";
import { resetUserPassword } from "@/lib/users";

// The answer carries the one-time password; it is never stored in clear or shown again.
export const POST = consoleRoute<{ id: string }>("admin", ({ db, actor, params }) => resetUserPassword(db, actor, params.id));
