import type { UserView } from "@/lib/users/schemas";
import { TBody, THead, Table, Th, ThActions } from "../ui/table";
import { UserRow } from "./user-row";

export function UsersTable({ users, currentUserId }: { users: UserView[]; currentUserId: string }) {
  return (
    <Table label="Users">
      <THead>
        <tr>
          <Th>E-mail</Th>
          <Th>Name</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Last sign-in</Th>
          <ThActions />
        </tr>
      </THead>
      <TBody>
        {users.map((u) => (
          <UserRow key={u.id} user={u} isSelf={u.id === currentUserId} />
        ))}
      </TBody>
    </Table>
  );
}
