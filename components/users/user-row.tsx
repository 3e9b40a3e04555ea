"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { Role } from "@/lib/auth/roles";
import type { UserView } from "@/lib/users/schemas";
import { api, errorMessage } from "../api";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Select } from "../ui/input";
import { Td, Tr } from "../ui/table";
import { Time } from "../ui/time";
import { ResetPasswordButton } from "./reset-password-button";
import { ROLE_LABELS, ROLE_OPTIONS } from "./roles";

type Change = { role?: Role; disabled?: boolean };

/** One user: the role and the enabled state change at once, each a PATCH; errors stay in the row. */
export function UserRow({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();

  const update = useMutation({
    mutationFn: (change: Change) => api<UserView>(`/api/console/users/${encodeURIComponent(user.id)}`, { method: "PATCH", body: change }),
    onSuccess: () => startTransition(() => router.refresh()),
  });

  const busy = update.isPending || refreshing;
  // While a change is in flight (and until the refreshed list arrives) show what was asked for.
  const pending = busy && !update.isError ? update.variables : undefined;
  const role = pending?.role ?? user.role;
  const disabled = pending?.disabled ?? user.disabled;
  const selectId = `role-${user.id}`;

  return (
    <Tr className={disabled ? "bg-zinc-50/60" : undefined}>
      <Td className="max-w-xs">
        <div className="flex items-center gap-2">
          <span className={disabled ? "truncate text-zinc-500" : "truncate font-medium text-zinc-900"}>{user.email}</span>
          {isSelf ? <Badge tone="accent">You</Badge> : null}
        </div>
        {update.error ? (
          <p role="alert" className="mt-1 text-xs whitespace-normal text-red-700">
            {errorMessage(update.error)}
          </p>
        ) : null}
      </Td>
      <Td className={user.name ? undefined : "text-zinc-500"}>{user.name ?? "—"}</Td>
      <Td>
        <label htmlFor={selectId} className="sr-only">
          Role for {user.email}
        </label>
        <div className="w-32">
          <Select
            id={selectId}
            value={role}
            disabled={busy}
            controlSize="sm"
            onChange={(e) => update.mutate({ role: e.target.value as Role })}
          >
            {ROLE_OPTIONS.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </div>
      </Td>
      <Td>
        {disabled ? <Badge tone="neutral">Disabled</Badge> : <Badge tone="green" dot>Active</Badge>}
      </Td>
      <Td>
        <Time iso={user.lastLoginAt} relative fallback="Never" />
      </Td>
      <Td className="text-right">
        <div className="flex justify-end gap-2">
          {/* One's own password is changed under Account, with the current password. */}
          {isSelf ? null : <ResetPasswordButton userId={user.id} email={user.email} />}
          <Button size="sm" variant="secondary" pending={busy && pending?.disabled !== undefined} disabled={busy} onClick={() => update.mutate({ disabled: !user.disabled })}>
            {user.disabled ? "Enable" : "Disable"}
          </Button>
        </div>
      </Td>
    </Tr>
  );
}
