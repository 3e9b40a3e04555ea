import type { PersonalTokenView } from "@/lib/tokens";
import { CredentialsTable } from "../ui/credentials-table";
import { RevokeTokenButton } from "./revoke-token-button";

export function TokensTable({ tokens }: { tokens: PersonalTokenView[] }) {
  return (
    <CredentialsTable
      label="Personal API tokens"
      items={tokens}
      empty={{ title: "No tokens yet", description: "Create one above for a script or CI job that manages action types. It is shown once." }}
      name={(t) => t.name}
      revoke={(t) => <RevokeTokenButton tokenId={t.id} name={t.name} />}
    />
  );
}
