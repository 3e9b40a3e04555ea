"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createApiKeyInput, type CreatedApiKeyView } from "@/lib/agents/schemas";
import { ApiError, api, errorMessage } from "../api";
import { issuesByField, sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { Input } from "../ui/input";
import { Label } from "../ui/label";

/** Creates a key for the agent and shows its secret once, with a copy button. */
export function CreateKey({ agentId, revokedKeyIds }: { agentId: string; revokedKeyIds: string[] }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiKeyView | null>(null);

  const create = useMutation({
    mutationFn: (body: { name?: string }) =>
      api<CreatedApiKeyView>(`/api/console/agents/${encodeURIComponent(agentId)}/keys`, { body }),
    onSuccess: (key) => {
      setCreated(key);
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
          const parsed = createApiKeyInput.safeParse(name.trim() ? { name } : {});
          if (!parsed.success) {
            setNameError(issuesByField(parsed.error.issues).name ?? "Check the key name.");
            return;
          }
          setNameError(null);
          create.mutate(parsed.data);
        }}
      >
        <div className="w-64">
          <Label htmlFor="new-key-name" className="mb-1">
            Key name <span className="font-normal text-zinc-500">(optional)</span>
          </Label>
          <Input
            id="new-key-name"
            name="name"
            autoComplete="off"
            maxLength={64}
            placeholder="production"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "new-key-name-error" : undefined}
          />
        </div>
        <Button type="submit" variant="primary" pending={create.isPending}>
          Create key
        </Button>
      </form>
      {nameError ? (
        <p id="new-key-name-error" className="mt-1 text-[13px] text-red-700">
          {nameError}
        </p>
      ) : null}
      {create.error && !nameError ? <Alert className="mt-3">{errorMessage(create.error)}</Alert> : null}
      {/* Once the shown key has been revoked there is nothing left worth copying. */}
      {created && !revokedKeyIds.includes(created.id) ? <NewKeyPanel created={created} onDone={() => setCreated(null)} /> : null}
    </div>
  );
}

function NewKeyPanel({ created, onDone }: { created: CreatedApiKeyView; onDone: () => void }) {
  return (
    <section
      aria-labelledby="new-key-title"
      className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3"
    >
      <h3 id="new-key-title" className="text-sm font-semibold text-amber-950">
        Copy the new key{created.name ? ` “${created.name}”` : ""} now
      </h3>
      <p className="mt-0.5 text-[13px] text-amber-900">
        You will not see this key again. Warden stores only a hash of it; if it is lost, revoke it and create another.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <code
          data-testid="new-api-key"
          className="min-w-0 flex-1 overflow-x-auto rounded-md border border-amber-200 bg-white px-2.5 py-1.5 font-mono text-[13px] whitespace-nowrap text-zinc-900 select-all"
        >
          {created.key}
        </code>
        <CopyButton value={created.key} label="Copy key" size="md" />
      </div>
      <div className="mt-3 flex justify-end">
        <Button size="sm" variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
