import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users";
import { PageHeader } from "@/components/shell/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { Card, CardHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("admin");
  const users = await listUsers(getDb(), actor);
  const active = users.filter((u) => !u.disabled).length;
  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in to this console. Role changes and disables take effect on their next request."
      />
      <div className="space-y-6">
        <Card aria-labelledby="users-title">
          <CardHeader titleId="users-title" title="Accounts" description={`${active} active, ${users.length - active} disabled`} />
          <UsersTable users={users} currentUserId={actor.id} />
        </Card>
        <CreateUserForm />
      </div>
    </>
  );
}
