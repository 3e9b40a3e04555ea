import { cookies } from "next/headers";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getActiveKillSwitches } from "@/lib/switches";
import { ConsoleShell } from "@/components/shell/console-shell";
import { Sidebar } from "@/components/shell/sidebar";
import type { NavItem } from "@/components/shell/sidebar-nav";
import { KillSwitchBanner } from "@/components/switches/kill-switch-banner";
import { THEME_COOKIE, parseTheme } from "@/components/theme/theme";

// The shell only decides what to show; each page checks its own minimum role.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("viewer");
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const switches = await getActiveKillSwitches(getDb());
  const items: NavItem[] = [
    { href: "/", label: "Overview", icon: "overview" },
    { href: "/agents", label: "Agents", icon: "agents" },
    // Viewers read the queues too; only reviewers and above claim and decide.
    { href: "/queue", label: "Approvals", icon: "approvals", count: "approval" },
    { href: "/drafts", label: "Drafts", icon: "drafts", count: "draft" },
    { href: "/actions", label: "Actions", icon: "actions" },
    { href: "/action-types", label: "Action types", icon: "action-types" },
    { href: "/autonomy", label: "Autonomy", icon: "autonomy" },
    { href: "/incidents", label: "Incidents", icon: "incidents", count: "incidents" },
    { href: "/kill-switches", label: "Kill switches", icon: "kill-switches" },
    { href: "/alerts", label: "Alert channels", icon: "alerts" },
    { href: "/api-reference", label: "API reference", icon: "api" },
    ...(hasRole(actor.role, "manager") ? [{ href: "/model-prices", label: "Model prices", icon: "prices" } as const] : []),
    ...(hasRole(actor.role, "admin") ? [{ href: "/admin/users", label: "Users", icon: "users" } as const, { href: "/audit", label: "Audit log", icon: "audit" } as const] : []),
    ...(hasRole(actor.role, "manager") ? [{ href: "/settings/tokens", label: "API tokens", icon: "tokens" } as const] : []),
  ];
  return (
    <ConsoleShell sidebar={<Sidebar actor={actor} items={items} theme={theme} />} banner={<KillSwitchBanner initial={switches} />}>
      {children}
    </ConsoleShell>
  );
}
