import { cn } from "./cn";

export function Label({ className, ...rest }: React.LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn("block text-[13px] font-medium text-zinc-800", className)} {...rest} />;
}
