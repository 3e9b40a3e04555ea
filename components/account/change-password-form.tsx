"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { changeOwnPasswordInput, type ChangeOwnPasswordInput, type PasswordChangedView } from "@/lib/users/schemas";
import { ApiError, api, errorMessage } from "../api";
import { issuesByField, sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

const EMPTY: ChangeOwnPasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * Current password, then the new one twice. A change signs out every session, this one too, so
 * on success the form signs in again with the new password and the user stays where they are.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [form, setForm] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: async (body: ChangeOwnPasswordInput) => {
      await api<PasswordChangedView>("/api/console/account/password", { body });
      const again = await signIn("credentials", { redirect: false, email, password: body.newPassword });
      return Boolean(again?.ok && !again.error);
    },
    onSuccess: (signedInAgain) => {
      if (!signedInAgain) {
        router.replace("/sign-in");
        return;
      }
      setForm(EMPTY);
      setDone(true);
      router.refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError) setFieldErrors(Object.fromEntries(Object.entries(err.byField).map(([k, v]) => [k, sentence(v)])));
    },
  });

  const formError = change.error && !(change.error instanceof ApiError && change.error.fieldErrors.length > 0) ? errorMessage(change.error) : null;
  const set = (key: keyof ChangeOwnPasswordInput) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setForm((f) => ({ ...f, [key]: e.target.value }));
    setDone(false);
  };

  return (
    <form
      noValidate
      className="px-4 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = changeOwnPasswordInput.safeParse(form);
        if (!parsed.success) {
          setFieldErrors(issuesByField(parsed.error.issues));
          return;
        }
        setFieldErrors({});
        change.mutate(parsed.data);
      }}
    >
      {formError ? <Alert className="mb-4 max-w-md">{formError}</Alert> : null}
      {done && !formError ? (
        <Alert tone="success" className="mb-4 max-w-md">
          Your password has been changed. Every other session has been signed out.
        </Alert>
      ) : null}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div className="grid max-w-md grid-cols-1 gap-4">
        <Field label="Current password" error={fieldErrors.currentPassword}>
          {(p) => <Input {...p} name="currentPassword" type="password" autoComplete="current-password" value={form.currentPassword} onChange={set("currentPassword")} />}
        </Field>
        <Field label="New password" error={fieldErrors.newPassword} hint="At least 12 characters.">
          {(p) => <Input {...p} name="newPassword" type="password" autoComplete="new-password" value={form.newPassword} onChange={set("newPassword")} />}
        </Field>
        <Field label="Repeat the new password" error={fieldErrors.confirmPassword}>
          {(p) => <Input {...p} name="confirmPassword" type="password" autoComplete="new-password" value={form.confirmPassword} onChange={set("confirmPassword")} />}
        </Field>
      </div>
      <div className="mt-4 flex max-w-md justify-end">
        <Button type="submit" variant="primary" pending={change.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
