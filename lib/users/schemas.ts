import { z } from "zod";
import { ROLES } from "../auth/roles";

export const roleSchema = z.enum(ROLES);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "at most 254 characters")
  .pipe(z.email("not a valid e-mail address"));

export const newPasswordSchema = z
  .string()
  .min(12, "at least 12 characters")
  .max(256, "at most 256 characters");

export const createUserInput = z
  .object({
    email: emailSchema,
    name: z.string().trim().max(100, "at most 100 characters").optional(),
    role: roleSchema,
    password: newPasswordSchema,
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, "nothing to change");
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const changeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1, "enter your current password").max(256, "at most 256 characters"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(256, "at most 256 characters"),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.confirmPassword !== v.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "does not match the new password" });
    }
    if (v.newPassword === v.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "must differ from the current password" });
    }
  });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInput>;

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

/** An admin's password reset: the one-time password is in this answer and nowhere else. */
export const passwordResetView = z.object({
  user: userView,
  password: z.string(),
});
export type PasswordResetView = z.infer<typeof passwordResetView>;

export const passwordChangedView = z.object({ passwordChangedAt: z.string() });
export type PasswordChangedView = z.infer<typeof passwordChangedView>;
