import { schemaProblems } from "../actions/payload-schema";
import { assertRole, type Actor } from "../auth/roles";
import { recordAuditEvent } from "../audit";
import { withTx, type DbTx } from "../db/client";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { toActionTypeView } from "./action-type-view";
import { policyReceipt } from "./policy-receipt";
import { updateActionTypeInput, type ActionTypeView } from "./schemas";

/**
 * A manager edits an action type's guardrails. The level is not editable here (autonomy
 * changes have their own rules). Optimistic: the edit must name the version it was made on.
 */
export async function updateActionType(db: DbTx, actor: Actor, key: string, raw: unknown): Promise<ActionTypeView> {
  assertRole(actor, "manager", "edit action types");
  const input = updateActionTypeInput.parse(raw);
  if (input.payloadSchema) {
    const problems = schemaProblems(input.payloadSchema);
    if (problems.length) throw new ValidationError("The payload schema is not a valid JSON Schema.", problems.map((m) => ({ path: "payloadSchema", message: m })));
  }
  const { version, ...changes } = input;
  const data: Prisma.ActionTypeUpdateManyMutationInput = { version: { increment: 1 } };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) continue;
    (data as Record<string, unknown>)[k] = k === "payloadSchema" && v === null ? Prisma.DbNull : v;
  }
  return withTx(db, async (tx) => {
    const before = await tx.actionType.findUnique({ where: { key } });
    if (!before) throw new NotFoundError("Action type");
    const res = await tx.actionType.updateMany({ where: { id: before.id, version }, data });
    if (res.count === 0) {
      throw new ConflictError(`Someone else changed ${key} meanwhile (now version ${before.version}); reload and apply your edit again.`, {
        currentVersion: before.version,
      });
    }
    const after = await tx.actionType.findUniqueOrThrow({ where: { id: before.id } });
    const pick = (t: typeof before) => Object.fromEntries(Object.keys(changes).map((k) => [k, (t as Record<string, unknown>)[k] ?? null]));
    // The receipt names the version the edit was made on; `after.version` the one it made.
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: "action_type.updated",
      targetType: "action_type",
      targetId: before.id,
      before: pick(before),
      after: { ...pick(after), version: after.version },
      receipt: await policyReceipt(tx, before.id, before.version),
    });
    return toActionTypeView(after);
  });
}
