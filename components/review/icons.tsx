// Nav icons for the review and action-type sections, drawn like components/ui/icons.tsx.

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
