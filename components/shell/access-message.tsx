import Link from "next/link";
import { buttonClasses } from "../ui/button";
import { LogoMark } from "../ui/icons";

/** The body of the 403 and 404 pages, inside or outside the console shell. */
export function AccessMessage({
  code,
  title,
  brand = false,
  back = { href: "/", label: "Back to overview" },
  children,
}: {
  code: string;
  title: string;
  /** Outside the console shell the page shows the product mark, so it is not anonymous. */
  brand?: boolean;
  /** Where the one button leads: a list the missing thing would be in, or the overview. */
  back?: { href: string; label: string };
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-6 py-20 text-center">
      {brand ? <LogoMark className="mb-8 size-8 text-accent-600" /> : null}
      <p className="font-mono text-xs font-medium tracking-wider text-zinc-500">{code}</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
      <div className="mt-2 text-[13px] text-zinc-600">{children}</div>
      <Link href={back.href} className={buttonClasses("secondary", "md", "mt-6")}>
        {back.label}
      </Link>
    </div>
  );
}
