// A handful of 16px stroke icons, drawn inline so the UI needs no icon package.

type IconProps = { className?: string };

function Svg({ className, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      className={className ?? "size-4"}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export const OverviewIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="2" y="2" width="5" height="5" rx="1" />
    <rect x="9" y="2" width="5" height="5" rx="1" />
    <rect x="2" y="9" width="5" height="5" rx="1" />
    <rect x="9" y="9" width="5" height="5" rx="1" />
  </Svg>
);

export const AgentsIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="3" y="4" width="10" height="9" rx="2" />
    <path d="M8 1.5V4M6 8h.01M10 8h.01M6 10.5h4" />
  </Svg>
);

export const UsersIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="6" cy="5.5" r="2.5" />
    <path d="M1.5 13.5c.5-2.3 2.3-3.5 4.5-3.5s4 1.2 4.5 3.5M10.5 3.2a2.5 2.5 0 0 1 0 4.6M12 10.3c1.3.5 2.2 1.6 2.5 3.2" />
  </Svg>
);

export const AccountIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="6.5" />
    <circle cx="8" cy="6.5" r="2.25" />
    <path d="M4 12.6c.8-1.5 2.3-2.35 4-2.35s3.2.85 4 2.35" />
  </Svg>
);

export const SignOutIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M6 14H3.5A1.5 1.5 0 0 1 2 12.5v-9A1.5 1.5 0 0 1 3.5 2H6M10.5 11.5 14 8l-3.5-3.5M14 8H6" />
  </Svg>
);

export const CopyIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="5" y="5" width="9" height="9" rx="1.5" />
    <path d="M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5" />
  </Svg>
);

export const CheckIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m3 8.5 3 3 7-7" />
  </Svg>
);

export const PlusIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 3v10M3 8h10" />
  </Svg>
);

export const ChevronLeftIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M10 3.5 5.5 8l4.5 4.5" />
  </Svg>
);

export const LogoMark = ({ className }: IconProps) => (
  <svg className={className ?? "size-6"} viewBox="0 0 24 24" fill="none" aria-hidden="true">
    <rect width="24" height="24" rx="6" fill="currentColor" />
    <path d="M6 7.5 8.6 17l3.4-7 3.4 7L18 7.5" stroke="white" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/** Steps rising to the right: levels climbed on evidence. */
export const AutonomyIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2 13.5h3.5V10H9V6.5h3.5V3H14" />
    <path d="M2 13.5h12" />
  </Svg>
);

/** A key: personal API tokens. */
export const TokenIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="5.5" cy="10.5" r="3" />
    <path d="m7.6 8.4 5.9-5.9M11.5 4.5l1.5 1.5M10 6l1.2 1.2" />
  </Svg>
);

export const ArrowUpIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 13V3M4 7l4-4 4 4" />
  </Svg>
);

export const ArrowDownIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 3v10M4 9l4 4 4-4" />
  </Svg>
);

export const CheckCircleIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="6" />
    <path d="m5.5 8.2 1.7 1.7 3.3-3.4" />
  </Svg>
);

export const DotCircleIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="6" />
    <path d="M5.5 8h5" />
  </Svg>
);

export const ClockIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.8V8l2 1.5" />
  </Svg>
);

export const ChevronRightIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m6 3.5 4.5 4.5L6 12.5" />
  </Svg>
);

/** An inbox tray with a check: things waiting for a decision. */
export const ApprovalsIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2 9.5h3.2l1 1.8h3.6l1-1.8H14" />
    <path d="M3.6 3.5h8.8L14 9.5v3a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-3z" />
    <path d="m6.2 6.4 1.3 1.3 2.4-2.4" />
  </Svg>
);

/** A page with a pencil: proposals a person carries out. */
export const DraftsIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9 2.5H4.5a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1h7a1 1 0 0 0 1-1V8" />
    <path d="m11.8 2.2 2 2L9 9H7V7z" />
  </Svg>
);

/** Stacked layers: the catalogue of action types and their levels. */
export const ActionTypesIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 2 14 5 8 8 2 5z" />
    <path d="m2 8 6 3 6-3" />
    <path d="m2 11 6 3 6-3" />
  </Svg>
);

export const SearchIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Svg>
);

/** A list with a check: every action, decided or not. */
export const ActionsIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M7 4h7M7 8h7M7 12h7" />
    <path d="m2 4 1 1 1.8-2M2 8.2h2.5M2 12.2h2.5" />
  </Svg>
);

/** A book: the API reference. */
export const BookIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M3 2.5h7.5A1.5 1.5 0 0 1 12 4v9.5H4.5A1.5 1.5 0 0 1 3 12z" />
    <path d="M3 12a1.5 1.5 0 0 1 1.5-1.5H12M6 5.5h3" />
  </Svg>
);

export const MenuIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />
  </Svg>
);

export const CloseIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Svg>
);

export const SunIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="2.75" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
  </Svg>
);

export const MoonIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7z" />
  </Svg>
);

export const MonitorIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="2" y="2.5" width="12" height="8.5" rx="1.5" />
    <path d="M6 14h4M8 11v3" />
  </Svg>
);

export const IncidentsIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M7.1 2.6a1 1 0 0 1 1.8 0l5.4 9.9a1 1 0 0 1-.9 1.5H2.6a1 1 0 0 1-.9-1.5z" />
    <path d="M8 6.2v3M8 11.3h.01" />
  </Svg>
);

export const PowerIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 2v5.5" />
    <path d="M4.6 4.3a5 5 0 1 0 6.8 0" />
  </Svg>
);

export const BellIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 11.5V7a4 4 0 1 1 8 0v4.5l1.2 1.2H2.8z" />
    <path d="M6.6 14a1.5 1.5 0 0 0 2.8 0" />
  </Svg>
);

export const TagIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2 2.5h5.3l6.2 6.2a1 1 0 0 1 0 1.4l-3.4 3.4a1 1 0 0 1-1.4 0L2.5 7.3V2.5z" />
    <path d="M5.2 5.2h.01" />
  </Svg>
);

export const AuditIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 1.5h5.5L12 4v10.5H4z" />
    <path d="M6 7h4M6 9.5h4M6 12h2.5" />
  </Svg>
);
