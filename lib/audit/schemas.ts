import { z } from "zod";
import { actionTypeKey } from "../actions/schemas";

// Filters of the audit log page and of the evidence export. They come from a URL (a GET form),
// so empty fields mean "no filter"; times are UTC, as the console shows them: a datetime-local
// value ("2026-12-01T10:00") or an ISO time with an offset.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const utcTime = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, "a time like 2026-12-01T10:00 (UTC)")
    .transform((s, ctx) => {
      const d = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s}Z`);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: "custom", message: "not a valid time" });
        return z.NEVER;
      }
      return d;
    })
    .optional(),
);

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

export const auditLogQuery = z.object({
  actor: optionalText(200).describe("A user's e-mail, an agent's name, an id, or `system`."),
  target: optionalText(200).describe("What the event is about: an id, or an action type's key."),
  kind: optionalText(100).describe("An event kind (`action.approved`); ending in `.`, a family (`action.`)."),
  from: utcTime,
  to: utcTime,
  before: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,19}$/).optional()).describe("Page: events older than this id."),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export const auditExportQuery = z.object({
  from: utcTime,
  to: utcTime,
  agent: z.preprocess(blankToUndefined, z.uuid().optional()),
  type: z.preprocess(blankToUndefined, actionTypeKey.optional()),
});
export type AuditExportQuery = z.infer<typeof auditExportQuery>;
