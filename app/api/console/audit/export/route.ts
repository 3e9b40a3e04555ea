import { exportAuditEvents, loadSigningKey } from "@/lib/audit";
import { consoleRoute } from "@/lib/http/console-route";
import { streamLines } from "@/lib/http/stream-lines";

// An evidence export as a download, streamed as it is produced (docs/audit-log.md#evidence-export).
export const GET = consoleRoute("admin", async ({ db, actor, req }) => {
  const { filename, lines } = await exportAuditEvents(db, actor, Object.fromEntries(new URL(req.url).searchParams), loadSigningKey());
  return new Response(streamLines(lines), {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
