import { consoleRoute } from "@/lib/http/console-route";
import { listModelPrices, setModelPrice } from "@/lib/prices";

export const GET = consoleRoute("manager", ({ db, actor }) => listModelPrices(db, actor));
export const POST = consoleRoute("manager", ({ db, actor, body }) => setModelPrice(db, actor, body), { status: 201 });
