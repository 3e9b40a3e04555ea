import { cn } from "./cn";

// Controls fill their container; callers size them by wrapping, so no width class ever has to
// win over another.
const control =
  "block w-full rounded-md border border-zinc-300 bg-surface px-2.5 text-zinc-900 shadow-xs transition-colors placeholder:text-zinc-500 " +
  "outline-none focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/30";

const heights = { sm: "h-7 text-[13px]", md: "h-8 text-sm" } as const;

type Size = keyof typeof heights;

export function Input({ className, controlSize = "md", ...rest }: React.InputHTMLAttributes<HTMLInputElement> & { controlSize?: Size }) {
  return <input className={cn(control, heights[controlSize], className)} {...rest} />;
}

export function Textarea({ className, ...rest }: React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(control, "min-h-16 py-1.5 text-sm", className)} {...rest} />;
}

export function Select({
  className,
  controlSize = "md",
  children,
  ...rest
}: React.SelectHTMLAttributes<HTMLSelectElement> & { controlSize?: Size }) {
  return (
    <select className={cn(control, heights[controlSize], "select-chevron pr-8", className)} {...rest}>
      {children}
    </select>
  );
}
