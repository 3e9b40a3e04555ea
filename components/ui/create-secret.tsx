"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ApiError, errorMessage } from "../api";
import { sentence } from "../text";
import { Alert } from "./alert";
import { Button } from "./button";
import { Input } from "./input";
import { Label } from "./label";

export type NameCheck<B> = { ok: true; body: B } | { ok: false; error: string };

/**
 * The one-line "name it and create it" form for a secret (an API key, a personal token). The
 * created secret is handed to `children` to show once, until it is dismissed or revoked.
 */
export function CreateSecret<B, T extends { id: string }>({
  field,
  submit,
  check,
  create,
  revokedIds,
  children,
}: {
  /** The name input: its id (the error's id is derived from it), label, width class and example. */
  field: { id: string; label: React.ReactNode; width: string; placeholder: string };
  submit: string;
  /** Client-side validation of the name: the request body, or the message to show. */
  check: (name: string) => NameCheck<B>;
  create: (body: B) => Promise<T>;
  revokedIds: string[];
  children: (created: T, onDone: () => void) => React.ReactNode;
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<T | null>(null);
  const errorId = `${field.id}-error`;

  const mutation = useMutation({
    mutationFn: create,
    onSuccess: (secret) => {
      setCreated(secret);
      setName("");
      startTransition(() => router.refresh());
    },
    onError: (err) => {
      if (err instanceof ApiError && err.byField.name) setNameError(sentence(err.byField.name));
    },
  });

  return (
    <div className="border-b border-zinc-200 px-4 py-3">
      <form
        noValidate
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const checked = check(name);
          setNameError(checked.ok ? null : checked.error);
          if (checked.ok) mutation.mutate(checked.body);
        }}
      >
        <div className={field.width}>
          <Label htmlFor={field.id} className="mb-1">
            {field.label}
          </Label>
          <Input
            id={field.id}
            name="name"
            autoComplete="off"
            maxLength={64}
            placeholder={field.placeholder}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? errorId : undefined}
          />
        </div>
        <Button type="submit" variant="primary" pending={mutation.isPending}>
          {submit}
        </Button>
      </form>
      {nameError ? (
        <p id={errorId} className="mt-1 text-[13px] text-red-700">
          {nameError}
        </p>
      ) : null}
      {mutation.error && !nameError ? <Alert className="mt-3">{errorMessage(mutation.error)}</Alert> : null}
      {/* Once the shown secret has been revoked there is nothing left worth copying. */}
      {created && !revokedIds.includes(created.id) ? children(created, () => setCreated(null)) : null}
    </div>
  );
}
