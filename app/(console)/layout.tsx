import { cookies } from "next/headers";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { ConsoleShell } from "@/components/shell/console-shell";
import { Sidebar } from "@/components/shell/sidebar";
import type { NavItem } from "@/components/shell/sidebar-nav";
import { THEME_COOKIE, parseTheme } from "@/components/theme/theme";

// The shell only decides what to show; each page checks its own minimum role.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("viewer");
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const items: NavItem[] = [
    { href: "/", label: "Overview", icon: "overview" },
    { href: "/agents", label: "Agents", icon: "agents" },
    // Viewers read the queues too; only reviewers and above claim and decide.
    { href: "/queue", label: "Approvals", icon: "approvals", count: "approval" },
    { href: "/drafts", label: "Drafts", icon: "drafts", count: "draft" },
    { href: "/actions", label: "Actions", icon: "actions" },
    { href: "/action-types", label: "Action types", icon: "action-types" },
    { href: "/autonomy", label: "Autonomy", icon: "autonomy" },
    { href: "/api-reference", label: "API reference", icon: "api" },
    ...(hasRole(actor.role, "admin") ? [{ href: "/admin/users", label: "Users", icon: "users" } as const] : []),
    ...(hasRole(actor.role, "manager") ? [{ href: "/settings/tokens", label: "API tokens", icon: "tokens" } as const] : []),
  ];
  return <ConsoleShell sidebar={<Sidebar actor={actor} items={items} theme={theme} />}>{children}</ConsoleShell>;
}
