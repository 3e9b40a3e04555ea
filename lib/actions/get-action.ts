import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import type { Action } from "../generated/prisma/client";
import { watchAction } from "../notify";
import { toActionView } from "./action-view";
import { waitQuery, type ActionView } from "./schemas";

export async function getOwnActionOrThrow(db: DbTx, agent: AuthenticatedAgent, actionId: string) {
  const a = isUuid(actionId)
    ? await db.action.findFirst({ where: { id: actionId, agentId: agent.agentId }, include: { actionType: { select: { key: true, version: true } } } })
    : null;
  if (!a) throw new NotFoundError("Action");
  return a;
}

const settled = (a: Action) => a.status !== "pending";

// Without a notification a waiter re-reads its action this often: the safety net for a LISTEN
// connection that is down (it reconnects on its own; see lib/notify).
const FALLBACK_POLL_MS = Number(process.env.WARDEN_LONGPOLL_FALLBACK_MS) || 2_000;

/**
 * The action as the agent should see it now. With `wait`, long-polls until a person decides
 * (or records a draft's outcome), or the wait ends, whichever is first.
 */
export async function getAction(
  db: DbTx,
  agent: AuthenticatedAgent,
  actionId: string,
  query: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<ActionView> {
  const { wait = 0 } = waitQuery.parse(query);
  let a = await getOwnActionOrThrow(db, agent, actionId);
  if (settled(a) || wait === 0) return toActionView(a, a.actionType.key);

  const deadline = Date.now() + wait * 1000;
  const watch = await watchAction(a.id);
  try {
    a = await getOwnActionOrThrow(db, agent, actionId);
    while (!settled(a) && Date.now() < deadline && !signal?.aborted && !watch.stopped) {
      await watch.next(Math.min(FALLBACK_POLL_MS, deadline - Date.now()));
      a = await getOwnActionOrThrow(db, agent, actionId);
    }
  } finally {
    watch.close();
  }
  return toActionView(a, a.actionType.key);
}
