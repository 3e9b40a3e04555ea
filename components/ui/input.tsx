import { cn } from "./cn";

const control =
  "block w-full rounded-md border bg-white px-2.5 text-sm text-zinc-900 shadow-xs transition-colors placeholder:text-zinc-400 " +
  "outline-none focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/30";

export function Input({ className, ...rest }: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(control, "h-8 border-zinc-300", className)} {...rest} />;
}

export function Textarea({ className, ...rest }: React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(control, "min-h-16 border-zinc-300 py-1.5", className)} {...rest} />;
}

export function Select({ className, children, ...rest }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select className={cn(control, "h-8 border-zinc-300 pr-7", className)} {...rest}>
      {children}
    </select>
  );
}
