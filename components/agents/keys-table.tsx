import type { ApiKeyView } from "@/lib/agents/schemas";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/empty-state";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { RevokeKeyButton } from "./revoke-key-button";

export function KeysTable({ agentId, keys, canManage }: { agentId: string; keys: ApiKeyView[]; canManage: boolean }) {
  if (keys.length === 0) {
    return (
      <EmptyState
        title="No keys yet"
        description={
          canManage
            ? "Create a key above and give it to the agent. It is shown once."
            : "A manager or an admin can create a key for this agent."
        }
      />
    );
  }
  return (
    <Table label="API keys">
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Prefix</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          {canManage ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </THead>
      <TBody>
        {keys.map((k) => (
          <Tr key={k.id} className={k.revokedAt ? "text-zinc-500" : undefined}>
            <Td className={k.revokedAt ? "text-zinc-500" : "font-medium text-zinc-900"}>
              {k.name ?? <span className="font-normal text-zinc-400">Unnamed</span>}
            </Td>
            <Td className="font-mono text-xs">{k.prefix}…</Td>
            <Td>
              <Time iso={k.createdAt} relative />
            </Td>
            <Td>
              <Time iso={k.lastUsedAt} relative fallback="Never" />
            </Td>
            <Td>
              {k.revokedAt ? (
                <span className="inline-flex items-center gap-2">
                  <Badge tone="red">Revoked</Badge>
                  <Time iso={k.revokedAt} relative />
                </span>
              ) : (
                <Badge tone="green" dot>
                  Active
                </Badge>
              )}
            </Td>
            {canManage ? (
              <Td className="text-right">
                {k.revokedAt ? null : (
                  <RevokeKeyButton agentId={agentId} keyId={k.id} label={k.name ? `key “${k.name}”` : `key ${k.prefix}…`} />
                )}
              </Td>
            ) : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
