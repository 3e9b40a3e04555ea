// Everything a manager would set up in the console before the fleet runs, done through the
// console API as the signed-in admin: people, agents and keys, guardrails, autonomy levels.
import { createClient, type WardenClient } from "../../lib/sdk";
import { ConsoleApi, describeProblem } from "./console";
import { log } from "./log";
import { stats } from "./stats";

export type DemoUser = { email: string; password: string; role: "reviewer" | "manager" | "admin"; name: string };

export type BoardType = {
  key: string;
  level: number;
  blocked: boolean;
  evidence: { reviewed: number; accepted: number; acceptanceRate: number | null; executions: number; failedExecutions: number };
  eligibility: { eligible: boolean; nextLevel: number | null; checks: { label: string; actual: number | null; required: number; ok: boolean }[] };
  pendingRequest: { id: string } | null;
};

type AgentView = { id: string; name: string };
type AgentDetail = AgentView & { keys: { id: string; name: string | null; revokedAt: string | null }[] };
type ActionTypeView = { key: string; level: number; version: number };

/** Creates the user unless it exists (409 is fine: an earlier demo made it). */
export async function ensureUser(admin: ConsoleApi, u: DemoUser): Promise<void> {
  const r = await admin.post("/api/console/users", { email: u.email, name: u.name, role: u.role, password: u.password });
  if (r.ok) log.info(`created ${u.role} ${u.email}`);
  else if (r.status !== 409 && !r.missingRoute) log.warn(`could not create ${u.email}: ${describeProblem(r)}`);
}

const DEMO_KEY_PREFIX = "demo run";

/**
 * The agent (reused by name) with a fresh key: keys are shown once, so each demo run makes a new
 * one and revokes the keys earlier demo runs left behind.
 */
export async function agentClient(admin: ConsoleApi, baseUrl: string, name: string, description: string, stamp: string): Promise<WardenClient | null> {
  const list = await admin.get<AgentView[]>("/api/console/agents");
  let agent = list.data?.find((a) => a.name === name) ?? null;
  if (!agent) {
    const created = await admin.post<AgentView>("/api/console/agents", { name, description });
    if (!created.ok || !created.data) {
      log.warn(`could not create agent ${name}: ${describeProblem(created)}`);
      return null;
    }
    agent = created.data;
    log.info(`created agent "${name}"`);
  }
  const detail = await admin.get<AgentDetail>(`/api/console/agents/${agent.id}`);
  for (const k of detail.data?.keys ?? []) {
    if (!k.revokedAt && k.name?.startsWith(DEMO_KEY_PREFIX)) await admin.post(`/api/console/agents/${agent.id}/keys/${k.id}/revoke`);
  }
  const key = await admin.post<{ key: string }>(`/api/console/agents/${agent.id}/keys`, { name: `${DEMO_KEY_PREFIX} ${stamp}` });
  if (!key.ok || !key.data) {
    log.warn(`could not create a key for ${name}: ${describeProblem(key)}`);
    return null;
  }
  return createClient({
    baseUrl,
    apiKey: key.data.key,
    flush: { intervalMs: 500 },
    onError: (e) => {
      if (stats.sdkErrors++ < 5) log.warn(`[sdk ${name}] ${e.message}`);
    },
  });
}

export async function getActionType(api: ConsoleApi, key: string): Promise<ActionTypeView | null> {
  const r = await api.get<ActionTypeView>(`/api/console/action-types/${encodeURIComponent(key)}`);
  return r.ok ? r.data : null;
}

/** A manager's guardrail edit, with the optimistic version; retried once if someone edited meanwhile. */
export async function configureType(admin: ConsoleApi, key: string, patch: Record<string, unknown>): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = await getActionType(admin, key);
    if (!current) {
      log.warn(`action type ${key} does not exist; cannot configure it`);
      return;
    }
    const r = await admin.patch(`/api/console/action-types/${encodeURIComponent(key)}`, { ...patch, version: current.version });
    if (r.ok || r.missingRoute) return;
    if (r.status !== 409) {
      log.warn(`could not configure ${key}: ${describeProblem(r)}`);
      return;
    }
  }
}

export async function board(api: ConsoleApi): Promise<BoardType[] | null> {
  const r = await api.get<BoardType[]>("/api/console/autonomy");
  return r.ok ? r.data : null;
}

export async function levelOf(api: ConsoleApi, key: string): Promise<number | null> {
  return (await getActionType(api, key))?.level ?? null;
}

/**
 * Moves a type to `target` the way people do: promotions one level at a time with a reason
 * (override: the demo has no evidence yet), 1 → 0 as a request that a second admin signs off,
 * demotions straight down. Returns the level reached.
 */
export async function setLevel(
  admin: ConsoleApi,
  signer: ConsoleApi | null,
  key: string,
  target: number,
  reasons: Partial<Record<number, string>>,
): Promise<number | null> {
  const path = `/api/console/autonomy/${encodeURIComponent(key)}`;
  for (let guard = 0; guard < 5; guard++) {
    const level = await levelOf(admin, key);
    if (level === null || level === target) return level;
    const reason = reasons[level - 1] ?? `Demo set-up: ${key} to level ${target}`;
    if (level < target) {
      const r = await admin.post(`${path}/demote`, { toLevel: target, reason });
      if (!r.ok) return warnLevel(key, r, level);
      continue;
    }
    if (level > 1) {
      const r = await admin.post(`${path}/promote`, { reason, override: true });
      if (!r.ok) return warnLevel(key, r, level);
      continue;
    }
    // 1 → 0: the two-person rule.
    if (!signer) {
      log.warn(`no second admin to sign off ${key} → level 0; leaving it at 1`);
      return level;
    }
    let requestId = (await board(admin))?.find((t) => t.key === key)?.pendingRequest?.id ?? null;
    if (!requestId) {
      const r = await admin.post<{ id: string }>(`${path}/request`, { reason });
      if (!r.ok || !r.data) return warnLevel(key, r, level);
      requestId = r.data.id;
    }
    const signed = await signer.post(`/api/console/autonomy/requests/${requestId}/sign-off`, {
      approve: true,
      reason: "Checked the evidence and the blast radius: append-only log writes, nothing customer-facing.",
    });
    if (!signed.ok) return warnLevel(key, signed, level);
  }
  return levelOf(admin, key);
}

function warnLevel(key: string, r: Parameters<typeof describeProblem>[0], level: number): number {
  if (!r.missingRoute) log.warn(`could not change the level of ${key}: ${describeProblem(r)}`);
  return level;
}
