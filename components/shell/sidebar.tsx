import type { Actor } from "@/lib/auth/roles";
import { ThemeToggle } from "../theme/theme-toggle";
import type { Theme } from "../theme/theme";
import { LogoMark } from "../ui/icons";
import { AccountLink } from "./account-link";
import { SearchButton } from "./search-button";
import { SidebarNav, type NavItem } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";

/** The console's left column: product, search, the sections this user may open, and who is signed in. */
export function Sidebar({ actor, items, theme }: { actor: Actor; items: NavItem[]; theme: Theme }) {
  return (
    <>
      <div className="flex h-14 shrink-0 items-center gap-2.5 px-4">
        <LogoMark className="size-6 text-accent-600" />
        <span className="text-[15px] font-semibold tracking-tight text-white">Warden</span>
      </div>
      <div className="px-2 pb-2">
        <SearchButton />
      </div>
      <div className="flex-1 overflow-y-auto py-1">
        <SidebarNav items={items} />
      </div>
      <div className="space-y-1 border-t border-ink-800 p-2">
        <div className="px-2.5 py-2">
          <p className="truncate text-[13px] font-medium text-ink-100" title={actor.email} data-testid="current-user-email">
            {actor.email}
          </p>
          <p className="mt-0.5 text-xs text-ink-400">
            Role: <span className="text-ink-200 capitalize" data-testid="current-user-role">{actor.role}</span>
          </p>
        </div>
        <div className="px-0.5 pb-1">
          <ThemeToggle initial={theme} />
        </div>
        <AccountLink />
        <SignOutButton />
      </div>
    </>
  );
}
