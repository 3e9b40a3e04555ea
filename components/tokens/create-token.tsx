"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createTokenInput, type PersonalTokenView } from "@/lib/tokens/schemas";
import { ApiError, api, errorMessage } from "../api";
import { sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CodeBlock } from "../ui/code-block";
import { CopyButton } from "../ui/copy-button";
import { Input } from "../ui/input";
import { Label } from "../ui/label";

type Created = PersonalTokenView & { token: string };

function checkName(name: string): string | null {
  const parsed = createTokenInput.safeParse({ name });
  return parsed.success ? null : sentence(parsed.error.issues[0].message);
}

/** Creates a personal token and shows it once, with how to use it. */
export function CreateToken({ origin, revokedIds }: { origin: string; revokedIds: string[] }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  const create = useMutation({
    mutationFn: (body: { name: string }) => api<Created>("/api/console/tokens", { body }),
    onSuccess: (t) => {
      setCreated(t);
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
          const problem = checkName(name);
          setNameError(problem);
          if (!problem) create.mutate({ name: name.trim() });
        }}
      >
        <div className="w-72">
          <Label htmlFor="new-token-name" className="mb-1">
            Token name
          </Label>
          <Input
            id="new-token-name"
            name="name"
            autoComplete="off"
            maxLength={64}
            placeholder="policy-repo CI"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "new-token-name-error" : undefined}
          />
        </div>
        <Button type="submit" variant="primary" pending={create.isPending}>
          Create token
        </Button>
      </form>
      {nameError ? (
        <p id="new-token-name-error" className="mt-1 text-[13px] text-red-700">
          {nameError}
        </p>
      ) : null}
      {create.error && !nameError ? <Alert className="mt-3">{errorMessage(create.error)}</Alert> : null}
      {/* Once the shown token has been revoked there is nothing left worth copying. */}
      {created && !revokedIds.includes(created.id) ? <NewTokenPanel created={created} origin={origin} onDone={() => setCreated(null)} /> : null}
    </div>
  );
}

function NewTokenPanel({ created, origin, onDone }: { created: Created; origin: string; onDone: () => void }) {
  return (
    <section aria-labelledby="new-token-title" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3">
      <h3 id="new-token-title" className="text-sm font-semibold text-amber-950">
        Copy the token “{created.name}” now
      </h3>
      <p className="mt-0.5 text-[13px] text-amber-900">
        You will not see it again. Warden keeps only a hash; if it is lost, revoke it and create another. It acts with your role, so keep it
        where only you and your automation can read it.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <code
          data-testid="new-personal-token"
          className="min-w-0 flex-1 overflow-x-auto rounded-md border border-amber-200 bg-white px-2.5 py-1.5 font-mono text-[13px] whitespace-nowrap text-zinc-900 select-all"
        >
          {created.token}
        </code>
        <CopyButton value={created.token} label="Copy token" size="md" />
      </div>
      <p className="mt-3 mb-1.5 text-[13px] text-amber-950">
        Send it as <code className="rounded bg-white px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code> to the action-types API:
      </p>
      <CodeBlock code={`curl ${origin}/api/v1/action-types \\\n  -H "Authorization: Bearer ${created.token}"`} />
      <div className="mt-3 flex justify-end">
        <Button size="sm" variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
