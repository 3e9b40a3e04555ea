import type { Metadata } from "next";
import { AccessMessage } from "@/components/shell/access-message";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="min-h-dvh">
      <AccessMessage brand code="404" title="Page not found">
        There is nothing at this address. It may have been moved, or the link may be mistyped.
      </AccessMessage>
    </main>
  );
}
