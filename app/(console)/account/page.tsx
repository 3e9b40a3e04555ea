import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requirePageActor("viewer");
  return (
    <>
      <PageHeader title="Account" description={`Signed in as ${actor.email}, with the ${actor.role} role.`} />
      <Card aria-labelledby="password-title">
        <CardHeader
          titleId="password-title"
          title="Change password"
          description="Changing it signs you out everywhere else; this browser stays signed in."
        />
        <ChangePasswordForm email={actor.email} />
      </Card>
    </>
  );
}
