"use client";

import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { createAgentInput, type AgentView } from "@/lib/agents/schemas";
import { ApiError, api, errorMessage } from "../api";
import { issuesByField, sentence } from "../text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogActions, DialogForm } from "../ui/dialog";
import { Field } from "../ui/field";
import { PlusIcon } from "../ui/icons";
import { Input, Textarea } from "../ui/input";

/** The "New agent" button and its dialog. On success it opens the new agent's page. */
export function NewAgent({ defaultOpen = false, variant = "primary" }: { defaultOpen?: boolean; variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(defaultOpen);
  const router = useRouter();
  const pathname = usePathname();

  const close = () => {
    setOpen(false);
    // Drop ?new=1 so a reload does not reopen the dialog.
    if (defaultOpen) router.replace(pathname, { scroll: false });
  };

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        <PlusIcon className="size-3.5" />
        New agent
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="New agent"
        description="An agent is one deployed bot or workflow. You can create its API keys next."
      >
        <CreateAgentForm
          onCancel={close}
          onCreated={(agent) => {
            setOpen(false);
            router.push(`/agents/${agent.id}`);
          }}
        />
      </Dialog>
    </>
  );
}

function CreateAgentForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (a: AgentView) => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const create = useMutation({
    mutationFn: (body: { name: string; description?: string }) => api<AgentView>("/api/console/agents", { body }),
    onSuccess: onCreated,
    onError: (err) => {
      if (err instanceof ApiError) {
        const byField = Object.fromEntries(Object.entries(err.byField).map(([k, v]) => [k, sentence(v)]));
        // A duplicate name is a conflict, but it belongs next to the Name field.
        if (err.code === "conflict") byField.name ??= err.message;
        setFieldErrors(byField);
      }
    },
  });

  const formError =
    create.error && !(create.error instanceof ApiError && (create.error.fieldErrors.length > 0 || create.error.code === "conflict"))
      ? errorMessage(create.error)
      : null;

  return (
    <DialogForm
      onSubmit={() => {
        const body = { name, ...(description.trim() ? { description } : {}) };
        const parsed = createAgentInput.safeParse(body);
        if (!parsed.success) {
          setFieldErrors(issuesByField(parsed.error.issues));
          return;
        }
        setFieldErrors({});
        create.mutate(parsed.data);
      }}
    >
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label="Name" error={fieldErrors.name} hint="Up to 64 characters: letters, digits, spaces, '.', '_' and '-'.">
        {(p) => (
          <Input
            {...p}
            name="name"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="support-triage"
          />
        )}
      </Field>
      <Field label="Description" optional error={fieldErrors.description}>
        {(p) => (
          <Textarea
            {...p}
            name="description"
            rows={3}
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="What this agent does and who owns it"
          />
        )}
      </Field>
      <DialogActions confirm="Create agent" onCancel={onCancel} pending={create.isPending} cancelDisabled={false} />
    </DialogForm>
  );
}
