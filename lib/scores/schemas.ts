import { z } from "zod";
import { longString, shortString } from "../api/common-schemas";

export const recordScoreInput = z
  .object({
    runId: z.uuid().optional(),
    actionId: z.uuid().optional(),
    name: shortString.describe("What is scored, e.g. helpfulness or policy_compliance."),
    value: z.number().min(-1e9).max(1e9),
    source: z.enum(["rule", "judge"]),
    comment: longString.optional(),
    tags: z.array(shortString).max(20).optional(),
  })
  .strict()
  .refine((s) => Boolean(s.runId) !== Boolean(s.actionId), { message: "give exactly one of runId or actionId", path: ["runId"] });
export type RecordScoreInput = z.infer<typeof recordScoreInput>;

export const scoreView = z.object({
  id: z.uuid(),
  targetType: z.enum(["run", "action"]),
  targetId: z.uuid(),
  name: z.string(),
  value: z.number(),
  source: z.enum(["rule", "judge"]),
  createdAt: z.string(),
});
export type ScoreView = z.infer<typeof scoreView>;
