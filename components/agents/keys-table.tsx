import type { ApiKeyView } from "@/lib/agents/schemas";
import { CredentialsTable } from "../ui/credentials-table";
import { RevokeKeyButton } from "./revoke-key-button";

export function KeysTable({ agentId, keys, canManage }: { agentId: string; keys: ApiKeyView[]; canManage: boolean }) {
  return (
    <CredentialsTable
      label="API keys"
      items={keys}
      empty={{
        title: "No keys yet",
        description: canManage
          ? "Create a key above and give it to the agent. It is shown once."
          : "A manager or an admin can create a key for this agent.",
      }}
      name={(k) => k.name ?? <span className="font-normal text-zinc-500">Unnamed</span>}
      revoke={
        canManage
          ? (k) => <RevokeKeyButton agentId={agentId} keyId={k.id} label={k.name ? `key “${k.name}”` : `key ${k.prefix}…`} />
          : undefined
      }
    />
  );
}
