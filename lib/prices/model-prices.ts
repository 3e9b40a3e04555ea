import { recordAuditEvent } from "../audit";
import { assertRole, type Actor } from "../auth/roles";
import { withTx, type DbTx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { ConflictError } from "../errors";
import { setModelPriceInput, type ModelPriceRow, type ModelPriceView } from "./schemas";

// Per-model token prices with the moment each took effect. Spans are priced when they are
// stored, with the price in effect when they started (lib/runs/pricing.ts): a new price never
// changes what earlier runs cost. Managers read and set them; a price is never edited in place,
// a new one takes effect instead.

const perMillion = (m: bigint) => Number(m) / 1e6;

type Row = { model: string; effectiveFrom: Date; inputMicrosPerMillion: bigint; outputMicrosPerMillion: bigint; createdAt: Date; createdBy: { name: string | null; email: string } | null };

function toView(p: Row): ModelPriceView {
  return {
    model: p.model,
    inputUsdPerMillion: perMillion(p.inputMicrosPerMillion),
    outputUsdPerMillion: perMillion(p.outputMicrosPerMillion),
    effectiveFrom: p.effectiveFrom.toISOString(),
    always: p.effectiveFrom.getTime() === 0,
    setBy: p.createdBy ? (p.createdBy.name ?? p.createdBy.email) : null,
    createdAt: p.createdAt.toISOString(),
  };
}

export async function listModelPrices(db: DbTx, actor: Actor, now = new Date()): Promise<ModelPriceRow[]> {
  assertRole(actor, "manager", "see the model price table");
  const rows = await db.modelPrice.findMany({
    orderBy: [{ model: "asc" }, { effectiveFrom: "desc" }],
    include: { createdBy: { select: { name: true, email: true } } },
  });
  const byModel = new Map<string, Row[]>();
  for (const r of rows) byModel.set(r.model, [...(byModel.get(r.model) ?? []), r]);
  return [...byModel.entries()].map(([model, prices]) => {
    const past = prices.filter((p) => p.effectiveFrom <= now);
    return {
      model,
      current: past[0] ? toView(past[0]) : null,
      scheduled: prices.filter((p) => p.effectiveFrom > now).reverse().map(toView),
      history: past.slice(1).map(toView),
    };
  });
}

/** A new price for a model (new or listed) from a moment on; the same model and moment twice is 409. */
export async function setModelPrice(db: DbTx, actor: Actor, raw: unknown, now = new Date()): Promise<ModelPriceView> {
  assertRole(actor, "manager", "set model prices");
  const input = setModelPriceInput.parse(raw);
  const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
  return withTx(db, async (tx) => {
    const p = await tx.modelPrice.create({
      data: {
        model: input.model,
        effectiveFrom,
        inputMicrosPerMillion: BigInt(Math.round(input.inputUsdPerMillion * 1e6)),
        outputMicrosPerMillion: BigInt(Math.round(input.outputUsdPerMillion * 1e6)),
        createdById: actor.id,
      },
      include: { createdBy: { select: { name: true, email: true } } },
    });
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: "model_price.set",
      targetType: "model_price",
      targetId: null,
      after: { model: p.model, effectiveFrom: p.effectiveFrom.toISOString(), inputUsdPerMillion: input.inputUsdPerMillion, outputUsdPerMillion: input.outputUsdPerMillion },
    });
    return toView(p);
  }).catch((err) => {
    if (isUniqueViolation(err)) throw new ConflictError(`${input.model} already has a price taking effect at ${effectiveFrom.toISOString()}; pick another moment.`);
    throw err;
  });
}
