import { getDb } from "@/lib/db";
import { checkReadiness } from "@/lib/health";
import { problemResponse } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export async function GET() {
  const r = await checkReadiness(getDb());
  if (!r.ready) return problemResponse("unavailable", r.reason, { retryAfterSeconds: 5, listen: r.listen });
  return Response.json({ status: "ready", migrations: r.migrations, listen: r.listen }, { headers: { "cache-control": "no-store" } });
}
