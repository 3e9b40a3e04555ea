import type { Metadata } from "next";
import { AccessMessage } from "@/components/shell/access-message";

export const metadata: Metadata = { title: "No access" };

export default function Forbidden() {
  return (
    <main className="min-h-dvh">
      <AccessMessage brand code="403" title="You don't have access to this page">
        Your role doesn&apos;t include this page. If you need it, ask an admin to change your role.
      </AccessMessage>
    </main>
  );
}
