"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Spinner } from "../ui/spinner";
import { SignOutIcon } from "../ui/icons";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/sign-in" });
      }}
      className="flex h-8 w-full items-center gap-2.5 rounded-md px-2.5 text-sm font-medium text-ink-400 transition-colors outline-none hover:bg-ink-800/60 hover:text-ink-100 focus-visible:ring-2 focus-visible:ring-accent-500 disabled:opacity-60"
    >
      {pending ? <Spinner className="size-4" /> : <SignOutIcon className="size-4 text-ink-500" />}
      Sign out
    </button>
  );
}
