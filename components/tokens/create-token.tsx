"use client";

import { createTokenInput, type PersonalTokenView } from "@/lib/tokens/schemas";
import { api } from "../api";
import { sentence } from "../text";
import { CodeBlock } from "../ui/code-block";
import { CreateSecret } from "../ui/create-secret";
import { SecretOnce } from "../ui/secret-once";

type Created = PersonalTokenView & { token: string };

/** Creates a personal token and shows it once, with how to use it. */
export function CreateToken({ origin, revokedIds }: { origin: string; revokedIds: string[] }) {
  return (
    <CreateSecret
      field={{ id: "new-token-name", label: "Token name", width: "w-72", placeholder: "policy-repo CI" }}
      submit="Create token"
      check={(name) => {
        const parsed = createTokenInput.safeParse({ name });
        return parsed.success ? { ok: true, body: { name: name.trim() } } : { ok: false, error: sentence(parsed.error.issues[0].message) };
      }}
      create={(body) => api<Created>("/api/console/tokens", { body })}
      revokedIds={revokedIds}
    >
      {(created, onDone) => (
        <SecretOnce
          titleId="new-token-title"
          title={<>Copy the token “{created.name}” now</>}
          note="You will not see it again. Warden keeps only a hash; if it is lost, revoke it and create another. It acts with your role, so keep it where only you and your automation can read it."
          secret={created.token}
          copyLabel="Copy token"
          testId="new-personal-token"
          onDone={onDone}
        >
          <p className="mt-3 mb-1.5 text-[13px] text-amber-950">
            Send it as <code className="rounded bg-surface px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code> to the action-types API:
          </p>
          <CodeBlock code={`curl ${origin}/api/v1/action-types \\\n  -H "Authorization: Bearer ${created.token}"`} />
        </SecretOnce>
      )}
    </CreateSecret>
  );
}
