import { clientAddressFrom } from "@/lib/net/client-address";
import { consoleRoute } from "@/lib/http/console-route";
import { changeOwnPassword } from "@/lib/users";

export const POST = consoleRoute("viewer", ({ db, actor, body, req }) =>
  changeOwnPassword(db, actor, body, { ip: clientAddressFrom(req.headers) }),
);
