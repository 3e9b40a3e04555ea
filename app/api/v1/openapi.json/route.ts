import { buildOpenApiDocument } from "@/lib/openapi/document";

// Public, like any API description: no key needed to read what the API accepts.
export const dynamic = "force-dynamic";

let body: string | undefined;

export function GET(): Response {
  body ??= JSON.stringify(buildOpenApiDocument());
  return new Response(body, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
