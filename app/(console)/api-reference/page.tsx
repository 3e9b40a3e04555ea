import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { ApiReference } from "@/components/api-reference/api-reference";
import type { Document } from "@/components/api-reference/openapi";
import { PageHeader } from "@/components/shell/page-header";
import { publicOrigin } from "@/components/shell/public-origin";

export const metadata: Metadata = { title: "API reference" };

// The same document GET /api/v1/openapi.json serves, built once per process.
let doc: Document | undefined;

export default async function ApiReferencePage() {
  await requirePageActor("viewer");
  doc ??= buildOpenApiDocument() as unknown as Document;
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every endpoint agents call, from the OpenAPI document at{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-accent-700 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      <ApiReference doc={doc} origin={await publicOrigin()} />
    </>
  );
}
