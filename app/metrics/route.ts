import { metricsResponse } from "@/lib/http/metrics-route";

export const dynamic = "force-dynamic";

// Prometheus scrape endpoint; 404 unless WARDEN_METRICS_TOKEN is set and sent as a bearer token.
export function GET(req: Request) {
  return metricsResponse(req);
}
