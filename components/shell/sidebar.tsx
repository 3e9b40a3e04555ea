import type { Actor } from "@/lib/auth/roles";
import { LogoMark } from "../ui/icons";
import { AccountLink } from "./account-link";
import { SidebarNav, type NavItem } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";

/** The console's left column: product, the sections this user may open, and who is signed in. */
export function Sidebar({ actor, items }: { actor: Actor; items: NavItem[] }) {
  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-zinc-800 bg-zinc-900 text-zinc-300">
      <div className="flex h-14 items-center gap-2.5 px-4">
        <LogoMark className="size-6 text-accent-600" />
        <span className="text-[15px] font-semibold tracking-tight text-white">Warden</span>
      </div>
      <div className="flex-1 overflow-y-auto py-2">
        <SidebarNav items={items} />
      </div>
      <div className="border-t border-zinc-800 p-2">
        <div className="px-2.5 py-2">
          <p className="truncate text-[13px] font-medium text-zinc-100" title={actor.email} data-testid="current-user-email">
            {actor.email}
          </p>
          <p className="mt-0.5 text-xs text-zinc-500">
            Role: <span className="text-zinc-300 capitalize" data-testid="current-user-role">{actor.role}</span>
          </p>
        </div>
        <AccountLink />
        <SignOutButton />
      </div>
    </aside>
  );
}
