"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../ui/cn";
import { AccountIcon } from "../ui/icons";

/** The sidebar footer's way to one's own account (password), styled like Sign out beside it. */
export function AccountLink() {
  const active = usePathname() === "/account";
  return (
    <Link
      href="/account"
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex h-8 w-full items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors outline-none focus-visible:ring-2 focus-visible:ring-accent-500",
        active ? "bg-ink-800 text-white" : "text-ink-400 hover:bg-ink-800/60 hover:text-ink-100",
      )}
    >
      <AccountIcon className={cn("size-4", active ? "text-accent-200" : "text-ink-500")} />
      Account
    </Link>
  );
}
