import type { PersonalTokenView } from "@/lib/tokens";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/empty-state";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { RevokeTokenButton } from "./revoke-token-button";

export function TokensTable({ tokens }: { tokens: PersonalTokenView[] }) {
  if (tokens.length === 0) {
    return <EmptyState title="No tokens yet" description="Create one above for a script or CI job that manages action types. It is shown once." />;
  }
  return (
    <Table label="Personal API tokens">
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Prefix</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {tokens.map((t) => (
          <Tr key={t.id} className={t.revokedAt ? "text-zinc-500" : undefined}>
            <Td className={t.revokedAt ? "text-zinc-500" : "font-medium text-zinc-900"}>{t.name}</Td>
            <Td className="font-mono text-xs">{t.prefix}…</Td>
            <Td>
              <Time iso={t.createdAt} relative />
            </Td>
            <Td>
              <Time iso={t.lastUsedAt} relative fallback="Never" />
            </Td>
            <Td>
              {t.revokedAt ? (
                <span className="inline-flex items-center gap-2">
                  <Badge tone="red">Revoked</Badge>
                  <Time iso={t.revokedAt} relative />
                </span>
              ) : (
                <Badge tone="green" dot>
                  Active
                </Badge>
              )}
            </Td>
            <Td className="text-right">{t.revokedAt ? null : <RevokeTokenButton tokenId={t.id} name={t.name} />}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
