import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function AutonomyTypeNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-6 py-20 text-center">
      <p className="font-mono text-xs font-medium tracking-wider text-zinc-500">404</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-zinc-900">Action type not found</h1>
      <p className="mt-2 text-[13px] text-zinc-600">No action type has this key. Types are registered the first time an agent asks to perform them.</p>
      <Link href="/autonomy" className={buttonClasses("secondary", "md", "mt-6")}>
        Autonomy board
      </Link>
    </div>
  );
}
