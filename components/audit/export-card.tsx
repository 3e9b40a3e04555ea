import { buttonClasses } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { CodeBlock } from "../ui/code-block";
import { Input, Select } from "../ui/input";
import { Label } from "../ui/label";

/**
 * The evidence export: a GET form the browser turns into a download, streamed by the server.
 * No script is needed; the file is verified offline with the public key.
 */
export function ExportCard({
  agents,
  types,
  defaults,
}: {
  agents: { id: string; name: string }[];
  types: string[];
  defaults: { from: string; to: string };
}) {
  return (
    <Card aria-labelledby="export-title" className="mt-6">
      <CardHeader
        titleId="export-title"
        title="Evidence export"
        description="One file of JSON lines: the events, the chain's links around them, its signed checkpoints and a signed manifest. An auditor verifies it offline with only the public key."
      />
      <form method="get" action="/api/console/audit/export" className="flex flex-wrap items-end gap-3 px-4 py-3">
        <div className="w-44">
          <Label htmlFor="export-from" className="mb-1 text-xs font-medium text-zinc-500">
            From (UTC)
          </Label>
          <Input id="export-from" name="from" type="datetime-local" controlSize="sm" defaultValue={defaults.from} />
        </div>
        <div className="w-44">
          <Label htmlFor="export-to" className="mb-1 text-xs font-medium text-zinc-500">
            To (UTC)
          </Label>
          <Input id="export-to" name="to" type="datetime-local" controlSize="sm" defaultValue={defaults.to} />
        </div>
        <div className="w-48">
          <Label htmlFor="export-agent" className="mb-1 text-xs font-medium text-zinc-500">
            Agent
          </Label>
          <Select id="export-agent" name="agent" controlSize="sm" defaultValue="">
            <option value="">All agents</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-56">
          <Label htmlFor="export-type" className="mb-1 text-xs font-medium text-zinc-500">
            Action type
          </Label>
          <Select id="export-type" name="type" controlSize="sm" defaultValue="">
            <option value="">All action types</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </div>
        <button type="submit" className={buttonClasses("primary", "sm")}>
          Download export
        </button>
        <a href="/api/console/audit/public-key" className={buttonClasses("secondary", "sm")} download>
          Public key
        </a>
      </form>
      <div className="px-4 pb-4">
        <CodeBlock label="Verify offline" code="npm run audit:verify-pack -- warden-audit-….jsonl --public-key warden-audit-….pub.pem" />
      </div>
    </Card>
  );
}
