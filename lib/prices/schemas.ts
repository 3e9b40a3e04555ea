import { z } from "zod";

export const setModelPriceInput = z
  .object({
    model: z
      .string()
      .trim()
      .min(1, "required")
      .max(100, "at most 100 characters")
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, "letters, digits and . _ : / -, e.g. gpt-4o-mini")
      .transform((m) => m.toLowerCase()),
    inputUsdPerMillion: z.number().min(0).max(100_000).describe("USD per million input tokens."),
    outputUsdPerMillion: z.number().min(0).max(100_000).describe("USD per million output tokens."),
    effectiveFrom: z.iso.datetime({ offset: true }).optional().describe("When the price takes effect (ISO 8601); now when omitted."),
  })
  .strict();
export type SetModelPriceInput = z.infer<typeof setModelPriceInput>;

export const modelPriceView = z.object({
  model: z.string(),
  inputUsdPerMillion: z.number(),
  outputUsdPerMillion: z.number(),
  effectiveFrom: z.string(),
  /** Since the epoch: a seeded price that applies to every span. */
  always: z.boolean(),
  setBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ModelPriceView = z.infer<typeof modelPriceView>;

export const modelPriceRow = z.object({
  model: z.string(),
  current: modelPriceView.nullable().describe("In effect now; null when the model's only price starts later."),
  scheduled: z.array(modelPriceView).describe("Prices that take effect later, soonest first."),
  history: z.array(modelPriceView).describe("Earlier prices, newest first."),
});
export type ModelPriceRow = z.infer<typeof modelPriceRow>;
