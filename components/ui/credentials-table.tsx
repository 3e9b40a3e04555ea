import { Badge } from "./badge";
import { EmptyState } from "./empty-state";
import { TBody, THead, Table, Td, Th, ThActions, Tr } from "./table";
import { Time } from "./time";

/** What every stored credential shows once its secret is gone: a prefix, its use, its status. */
export type Credential = { id: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/**
 * API keys and personal tokens alike. With `revoke` the table gets an actions column, with that
 * button on each credential not yet revoked.
 */
export function CredentialsTable<C extends Credential>({
  label,
  items,
  empty,
  name,
  revoke,
}: {
  label: string;
  items: C[];
  empty: { title: string; description: string };
  name: (c: C) => React.ReactNode;
  revoke?: (c: C) => React.ReactNode;
}) {
  if (items.length === 0) return <EmptyState title={empty.title} description={empty.description} />;
  return (
    <Table label={label}>
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Prefix</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          {revoke ? <ThActions /> : null}
        </tr>
      </THead>
      <TBody>
        {items.map((c) => (
          <Tr key={c.id} className={c.revokedAt ? "text-zinc-500" : undefined}>
            <Td className={c.revokedAt ? "text-zinc-500" : "font-medium text-zinc-900"}>{name(c)}</Td>
            <Td className="font-mono text-xs">{c.prefix}…</Td>
            <Td>
              <Time iso={c.createdAt} relative />
            </Td>
            <Td>
              <Time iso={c.lastUsedAt} relative fallback="Never" />
            </Td>
            <Td>
              {c.revokedAt ? (
                <span className="inline-flex items-center gap-2">
                  <Badge tone="red">Revoked</Badge>
                  <Time iso={c.revokedAt} relative />
                </span>
              ) : (
                <Badge tone="green" dot>
                  Active
                </Badge>
              )}
            </Td>
            {revoke ? <Td className="text-right">{c.revokedAt ? null : revoke(c)}</Td> : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
