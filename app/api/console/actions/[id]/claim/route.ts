import { consoleRoute } from "@/lib/http/console-route";
import { claimAction, releaseClaim } from "@/lib/review";

export const POST = consoleRoute<{ id: string }>("reviewer", ({ db, actor, params }) => claimAction(db, actor, params.id));
export const DELETE = consoleRoute<{ id: string }>("reviewer", async ({ db, actor, params }) => {
  await releaseClaim(db, actor, params.id);
  return { released: true };
});
