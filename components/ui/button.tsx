import Link from "next/link";
import { cn } from "./cn";
import { focusRing } from "./focus";
import { Spinner } from "./spinner";

type Variant = "primary" | "secondary" | "ghost" | "danger" | "danger-outline";
type Size = "sm" | "md";

const variants: Record<Variant, string> = {
  // In the dark theme 700 is a light shade (globals.css); a solid fill hovers a step brighter instead.
  primary: "bg-accent-600 text-white shadow-xs hover:bg-accent-700 dark:hover:bg-accent-500 disabled:bg-accent-600/60",
  secondary: "border border-zinc-300 bg-surface text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:text-zinc-500",
  ghost: "text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-500",
  "danger-outline": "border border-zinc-300 bg-surface text-red-700 shadow-xs hover:border-red-300 hover:bg-red-50 disabled:text-red-300 dark:disabled:text-red-200",
  danger: "bg-red-600 text-white shadow-xs hover:bg-red-700 dark:hover:bg-red-500 disabled:bg-red-600/60",
};

const sizes: Record<Size, string> = {
  sm: "h-7 gap-1.5 rounded-md px-2.5 text-[13px]",
  md: "h-8 gap-2 rounded-md px-3 text-sm",
};

export function buttonClasses(variant: Variant = "secondary", size: Size = "md", className?: string): string {
  return cn(
    "inline-flex shrink-0 items-center justify-center font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed",
    focusRing,
    variants[variant],
    sizes[size],
    className,
  );
}

type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  size?: Size;
  /** Shows a spinner and disables the button while a request is in flight. */
  pending?: boolean;
};

export function Button({ variant, size, pending, disabled, className, children, type = "button", ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClasses(variant, size, className)}
      {...rest}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}

type ButtonLinkProps = React.ComponentProps<typeof Link> & { variant?: Variant; size?: Size };

export function ButtonLink({ variant, size, className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonClasses(variant, size, className)} {...rest} />;
}
