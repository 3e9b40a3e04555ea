import { policyReceipt } from "../action-types/policy-receipt";
import { haltPendingActions, type HaltScope } from "../actions/halt-pending-actions";
import { recordAuditEvent, type AuditActor } from "../audit";
import { assertRole, type Actor } from "../auth/roles";
import { withTx, type DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import type { IncidentSeverity } from "../generated/prisma/client";
import { raiseIncident, type RaiseIncident } from "../incidents/raise-incident";
import { GLOBAL_KILL_SWITCH } from "./get-kill-switches";
import { setKillSwitchInput, type KillSwitchChange } from "./schemas";

// Kill switches (docs/policy-and-autonomy.md): global, per agent, per action type. Turning one on
// halts the scope's pending actions and wakes their long-polls, and every later request in the
// scope is halted by the policy, on every instance (it reads the switches per request). Every
// flip is an audit event and an incident, in one transaction with the flip.

export type SwitchScope = { kind: "global" } | { kind: "agent"; agentId: string } | { kind: "action_type"; key: string };

/** Who flips: a person, or Warden itself (the daily spend cap). */
export type Flipper = { actor: Actor } | { system: string };

const GLOBAL_META = `${GLOBAL_KILL_SWITCH}.meta`;

const auditActor = (f: Flipper): AuditActor => ("actor" in f ? { type: "user", id: f.actor.id } : { type: "system" });
const flipperName = (f: Flipper) => ("actor" in f ? (f.actor.name ?? f.actor.email) : f.system);

/** A person flips a switch (managers and admins). Same position again is a no-op. */
export async function setKillSwitch(db: DbTx, actor: Actor, scope: SwitchScope, raw: unknown): Promise<KillSwitchChange> {
  assertRole(actor, "manager", "flip kill switches");
  const input = setKillSwitchInput.parse(raw);
  return withTx(db, (tx) => applyKillSwitch(tx, { actor }, scope, input.on, input.reason ?? null));
}

/**
 * Flips a switch in the caller's transaction. `incident` replaces the flip's own incident (the
 * spend cap raises its own), or `false` for none.
 */
export async function applyKillSwitch(
  tx: DbTx,
  by: Flipper,
  scope: SwitchScope,
  on: boolean,
  reason: string | null,
  opts: { incident?: false } = {},
  now = new Date(),
): Promise<KillSwitchChange> {
  const who = flipperName(by);
  const target = await flip(tx, scope, on, reason, who, now);
  if (!target.changed) return { ...target.current, changed: false, haltedActions: 0 };

  const scopeWords = scope.kind === "global" ? "the global kill switch" : scope.kind === "agent" ? `the kill switch of agent ${target.label}` : `the kill switch of action type ${target.label}`;
  const halted = on ? await haltPendingActions(tx, target.halt, `Halted: ${scopeWords} was turned on${reason ? ` (${reason})` : ""}.`, now, auditActor(by)) : [];
  // The receipt: a type's switch is part of its policy (the version it was flipped under and that
  // version's settings); the agent's and the global switch apply to the switch's state itself.
  await recordAuditEvent(tx, {
    actor: auditActor(by),
    action: on ? "kill_switch.on" : "kill_switch.off",
    targetType: scope.kind === "global" ? "global" : scope.kind,
    targetId: target.id,
    before: { on: !on },
    after: { on, reason, haltedActions: halted.length, ...(target.versionBefore !== undefined ? { version: target.versionBefore + 1 } : {}) },
    receipt:
      target.versionBefore !== undefined
        ? await policyReceipt(tx, target.id!, target.versionBefore)
        : { policyVersion: null, payload: { scope: scope.kind, target: target.id, on, reason } },
  });
  if (opts.incident !== false) {
    const severity: IncidentSeverity = !on ? "info" : scope.kind === "global" ? "critical" : "warning";
    const incident: RaiseIncident = {
      kind: on ? "kill_switch_on" : "kill_switch_off",
      severity,
      title: `${who} turned ${on ? "on" : "off"} ${scopeWords}${reason ? `: ${reason}` : ""}`,
      agentId: scope.kind === "agent" ? target.id : null,
      actionTypeId: scope.kind === "action_type" ? target.id : null,
      details: { scope: scope.kind, target: target.label, on, reason, haltedActions: halted.length, by: who },
    };
    await raiseIncident(tx, incident, now);
  }
  return { ...target.current, changedBy: target.current.changedBy ?? who, changed: true, haltedActions: halted.length };
}

type Flip = {
  changed: boolean;
  id: string | null;
  /** An action type's version before the flip. */
  versionBefore?: number;
  label: string;
  halt: HaltScope;
  current: { on: boolean; reason: string | null; changedAt: string | null; changedBy: string | null };
};

async function flip(tx: DbTx, scope: SwitchScope, on: boolean, reason: string | null, who: string, now: Date): Promise<Flip> {
  if (scope.kind === "global") {
    // A row comes back only when it was inserted or really changed; a missing row counts as off.
    const rows = await tx.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO settings (key, value, updated_at) VALUES (${GLOBAL_KILL_SWITCH}, ${JSON.stringify(on)}::jsonb, ${now})
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
        WHERE settings.value IS DISTINCT FROM EXCLUDED.value
      RETURNING (xmax = 0) AS inserted`;
    const changed = rows.length === 1 && (!rows[0].inserted || on);
    if (changed) {
      const meta = JSON.stringify({ reason: on ? reason : null, by: who, at: now.toISOString() });
      await tx.$executeRaw`
        INSERT INTO settings (key, value, updated_at) VALUES (${GLOBAL_META}, ${meta}::jsonb, ${now})
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`;
    }
    return { changed, id: null, label: "global", halt: { all: true }, current: await readGlobal(tx) };
  }
  if (scope.kind === "agent") {
    const agent = isUuid(scope.agentId) ? await tx.agent.findUnique({ where: { id: scope.agentId }, select: { id: true, name: true } }) : null;
    if (!agent) throw new NotFoundError("Agent");
    const res = await tx.agent.updateMany({
      where: { id: agent.id, killSwitch: !on },
      data: { killSwitch: on, killSwitchReason: on ? (reason ?? `Turned on by ${who}`) : null, killSwitchChangedAt: now },
    });
    const a = await tx.agent.findUniqueOrThrow({ where: { id: agent.id }, select: { killSwitch: true, killSwitchReason: true, killSwitchChangedAt: true } });
    return {
      changed: res.count === 1,
      id: agent.id,
      label: agent.name,
      halt: { agentId: agent.id },
      current: { on: a.killSwitch, reason: a.killSwitchReason, changedAt: a.killSwitchChangedAt?.toISOString() ?? null, changedBy: null },
    };
  }
  const type = await tx.actionType.findUnique({ where: { key: scope.key }, select: { id: true, key: true, version: true } });
  if (!type) throw new NotFoundError("Action type");
  // The version moves with every flip: the request path notices a changed type by its version.
  const res = await tx.actionType.updateMany({
    where: { id: type.id, killSwitch: !on },
    data: { killSwitch: on, killSwitchReason: on ? (reason ?? `Turned on by ${who}`) : null, killSwitchChangedAt: now, version: { increment: 1 } },
  });
  const t = await tx.actionType.findUniqueOrThrow({ where: { id: type.id }, select: { killSwitch: true, killSwitchReason: true, killSwitchChangedAt: true } });
  return {
    changed: res.count === 1,
    id: type.id,
    versionBefore: type.version,
    label: type.key,
    halt: { actionTypeId: type.id },
    current: { on: t.killSwitch, reason: t.killSwitchReason, changedAt: t.killSwitchChangedAt?.toISOString() ?? null, changedBy: null },
  };
}

export async function readGlobal(db: DbTx): Promise<Flip["current"]> {
  const rows = await db.setting.findMany({ where: { key: { in: [GLOBAL_KILL_SWITCH, GLOBAL_META] } } });
  const value = rows.find((r) => r.key === GLOBAL_KILL_SWITCH);
  const meta = (rows.find((r) => r.key === GLOBAL_META)?.value ?? null) as { reason?: string | null; by?: string; at?: string } | null;
  return { on: value?.value === true, reason: value?.value === true ? (meta?.reason ?? null) : null, changedAt: meta?.at ?? null, changedBy: meta?.by ?? null };
}
