"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../ui/cn";
import { Spinner } from "../ui/spinner";
import { OpenIncidentsCount } from "../incidents/open-count";
import { PendingCount } from "../review/pending-count";
import {
  ActionTypesIcon,
  ActionsIcon,
  AgentsIcon,
  ApprovalsIcon,
  AuditIcon,
  AutonomyIcon,
  BellIcon,
  BookIcon,
  DraftsIcon,
  IncidentsIcon,
  OverviewIcon,
  PowerIcon,
  TagIcon,
  TokenIcon,
  UsersIcon,
} from "../ui/icons";

export type NavItem = {
  href: string;
  label: string;
  icon:
    | "overview"
    | "agents"
    | "users"
    | "approvals"
    | "drafts"
    | "actions"
    | "action-types"
    | "autonomy"
    | "tokens"
    | "api"
    | "incidents"
    | "kill-switches"
    | "alerts"
    | "prices"
    | "audit";
  /** A live count of what waits behind the link. */
  count?: "approval" | "draft" | "incidents";
};

const ICONS = {
  overview: OverviewIcon,
  agents: AgentsIcon,
  users: UsersIcon,
  approvals: ApprovalsIcon,
  drafts: DraftsIcon,
  actions: ActionsIcon,
  "action-types": ActionTypesIcon,
  autonomy: AutonomyIcon,
  tokens: TokenIcon,
  api: BookIcon,
  incidents: IncidentsIcon,
  "kill-switches": PowerIcon,
  alerts: BellIcon,
  prices: TagIcon,
  audit: AuditIcon,
};

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="px-2">
      <ul className="space-y-0.5">
        {items.map((item) => {
          const active = isActive(pathname, item.href);
          const Icon = ICONS[item.icon];
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors outline-none",
                  "focus-visible:ring-2 focus-visible:ring-accent-500",
                  active ? "bg-ink-800 text-white" : "text-ink-400 hover:bg-ink-800/60 hover:text-ink-100",
                )}
              >
                <Icon className={cn("size-4", active ? "text-accent-200" : "text-ink-500")} />
                {item.label}
                <PendingMark />
                {item.count === "incidents" ? <OpenIncidentsCount active={active} /> : item.count ? <PendingCount kind={item.count} active={active} /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A spinner beside a link while the page it leads to is loading. */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? <Spinner className="ml-auto size-3.5 text-ink-500" /> : null;
}
