import { consoleRoute } from "@/lib/http/console-route";
import { killSwitchBlastRadiusFor } from "@/lib/switches";

// What a flip would stop, counted on the server for the confirmation dialog.
export const GET = consoleRoute("viewer", ({ req, db, actor }) => killSwitchBlastRadiusFor(db, actor, Object.fromEntries(new URL(req.url).searchParams)));
