import Link from "next/link";
import { ChevronLeftIcon } from "../ui/icons";

/** The small "‹ Section" link above a detail page's title. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1 rounded-sm text-xs font-medium text-zinc-500 outline-none hover:text-zinc-800 focus-visible:ring-2 focus-visible:ring-accent-500"
    >
      <ChevronLeftIcon className="size-3.5" />
      {children}
    </Link>
  );
}
