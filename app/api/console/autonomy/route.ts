import { getAutonomyBoard } from "@/lib/autonomy";
import { consoleRoute } from "@/lib/http/console-route";

export const GET = consoleRoute("viewer", ({ db, actor }) => getAutonomyBoard(db, actor));
