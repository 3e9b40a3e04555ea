"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { Role } from "@/lib/auth/roles";
import { createUserInput, type UserView } from "@/lib/users/schemas";
import { ApiError, api, errorMessage } from "../api";
import { issuesByField, sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { ROLE_LABELS, ROLE_OPTIONS } from "./roles";

type Form = { email: string; name: string; role: Role; password: string };
const EMPTY: Form = { email: "", name: "", role: "viewer", password: "" };

export function CreateUserForm() {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [form, setForm] = useState<Form>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [createdNote, setCreatedNote] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: object) => api<UserView>("/api/console/users", { body }),
    onSuccess: (user) => {
      setForm(EMPTY);
      setCreatedNote(`${user.email} can now sign in as ${ROLE_LABELS[user.role].toLowerCase()}.`);
      startTransition(() => router.refresh());
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const byField = Object.fromEntries(Object.entries(err.byField).map(([k, v]) => [k, sentence(v)]));
        if (err.code === "conflict") byField.email ??= err.message;
        setFieldErrors(byField);
      }
    },
  });

  const formError =
    create.error && !(create.error instanceof ApiError && (create.error.fieldErrors.length > 0 || create.error.code === "conflict"))
      ? errorMessage(create.error)
      : null;

  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setCreatedNote(null);
  };

  return (
    <Card aria-labelledby="create-user-title">
      <CardHeader
        titleId="create-user-title"
        title="Add a user"
        description="Give them the initial password through a channel you trust; they sign in with it."
      />
      <form
        noValidate
        className="px-4 py-4"
        onSubmit={(e) => {
          e.preventDefault();
          const body = { email: form.email, role: form.role, password: form.password, ...(form.name.trim() ? { name: form.name } : {}) };
          const parsed = createUserInput.safeParse(body);
          if (!parsed.success) {
            setFieldErrors(issuesByField(parsed.error.issues));
            return;
          }
          setFieldErrors({});
          create.mutate(body);
        }}
      >
        {formError ? <Alert className="mb-4">{formError}</Alert> : null}
        {createdNote && !formError ? (
          <Alert tone="success" className="mb-4">
            {createdNote}
          </Alert>
        ) : null}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-[1.3fr_1fr_0.8fr_1.1fr]">
          <Field label="E-mail" error={fieldErrors.email}>
            {(p) => (
              <Input
                {...p}
                name="email"
                type="email"
                autoComplete="off"
                spellCheck={false}
                placeholder="name@company.com"
                value={form.email}
                onChange={(e) => set("email")(e.target.value)}
              />
            )}
          </Field>
          <Field label="Name" optional error={fieldErrors.name}>
            {(p) => (
              <Input {...p} name="name" autoComplete="off" maxLength={100} value={form.name} onChange={(e) => set("name")(e.target.value)} />
            )}
          </Field>
          <Field label="Role" error={fieldErrors.role}>
            {(p) => (
              <Select {...p} name="role" value={form.role} onChange={(e) => set("role")(e.target.value as Role)}>
                {ROLE_OPTIONS.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Initial password" error={fieldErrors.password} hint="At least 12 characters.">
            {(p) => (
              <Input
                {...p}
                name="password"
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={(e) => set("password")(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <p className="text-xs text-zinc-500">
            Viewers see agents, the approval and draft queues, action types and autonomy, read-only; reviewers also decide actions and record drafts; managers also run agents, guardrails and autonomy and keep API tokens; admins also manage users.
          </p>
          <Button type="submit" variant="primary" pending={create.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Card>
  );
}
