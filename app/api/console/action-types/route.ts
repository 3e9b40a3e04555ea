import { listActionTypes } from "@/lib/action-types";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute("viewer", ({ db, actor }) => listActionTypes(db, actor));
