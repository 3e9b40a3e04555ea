"use client";

import { createApiKeyInput, type CreatedApiKeyView } from "@/lib/agents/schemas";
import { api } from "../api";
import { issuesByField } from "../text";
import { CreateSecret } from "../ui/create-secret";
import { SecretOnce } from "../ui/secret-once";

/** Creates a key for the agent and shows its secret once, with a copy button. */
export function CreateKey({ agentId, revokedKeyIds }: { agentId: string; revokedKeyIds: string[] }) {
  return (
    <CreateSecret
      field={{
        id: "new-key-name",
        label: (
          <>
            Key name <span className="font-normal text-zinc-500">(optional)</span>
          </>
        ),
        width: "w-64",
        placeholder: "production",
      }}
      submit="Create key"
      check={(name) => {
        const parsed = createApiKeyInput.safeParse(name.trim() ? { name } : {});
        return parsed.success ? { ok: true, body: parsed.data } : { ok: false, error: issuesByField(parsed.error.issues).name ?? "Check the key name." };
      }}
      create={(body) => api<CreatedApiKeyView>(`/api/console/agents/${encodeURIComponent(agentId)}/keys`, { body })}
      revokedIds={revokedKeyIds}
    >
      {(created, onDone) => (
        <SecretOnce
          titleId="new-key-title"
          title={<>Copy the new key{created.name ? ` “${created.name}”` : ""} now</>}
          note="You will not see this key again. Warden stores only a hash of it; if it is lost, revoke it and create another."
          secret={created.key}
          copyLabel="Copy key"
          testId="new-api-key"
          onDone={onDone}
        />
      )}
    </CreateSecret>
  );
}
