import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getActiveKillSwitches } from "@/lib/switches";
import { Sidebar } from "@/components/shell/sidebar";
import type { NavItem } from "@/components/shell/sidebar-nav";
import { KillSwitchBanner } from "@/components/switches/kill-switch-banner";

// The shell only decides what to show; each page checks its own minimum role.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("viewer");
  const switches = await getActiveKillSwitches(getDb());
  const items: NavItem[] = [
    { href: "/", label: "Overview", icon: "overview" },
    { href: "/agents", label: "Agents", icon: "agents" },
    // Viewers read the queues too; only reviewers and above claim and decide.
    { href: "/queue", label: "Approvals", icon: "approvals", count: "approval" },
    { href: "/drafts", label: "Drafts", icon: "drafts", count: "draft" },
    { href: "/action-types", label: "Action types", icon: "action-types" },
    { href: "/autonomy", label: "Autonomy", icon: "autonomy" },
    { href: "/incidents", label: "Incidents", icon: "incidents", count: "incidents" },
    { href: "/kill-switches", label: "Kill switches", icon: "kill-switches" },
    { href: "/alerts", label: "Alert channels", icon: "alerts" },
    ...(hasRole(actor.role, "manager") ? [{ href: "/model-prices", label: "Model prices", icon: "prices" } as const] : []),
    ...(hasRole(actor.role, "admin") ? [{ href: "/admin/users", label: "Users", icon: "users" } as const] : []),
    ...(hasRole(actor.role, "manager") ? [{ href: "/settings/tokens", label: "API tokens", icon: "tokens" } as const] : []),
  ];
  // Only main scrolls, never the document: the shell and main are positioning contexts, so
  // absolutely positioned content (screen-reader-only text, popovers) is laid out and clipped
  // inside them instead of growing the page behind the shell.
  return (
    <div className="relative flex h-dvh overflow-hidden">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        Skip to content
      </a>
      <Sidebar actor={actor} items={items} />
      <main id="content" className="relative min-w-0 flex-1 overflow-y-auto">
        <KillSwitchBanner initial={switches} />
        <div className="mx-auto max-w-6xl px-8 py-7">{children}</div>
      </main>
    </div>
  );
}
