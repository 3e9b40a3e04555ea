import { LogoMark } from "@/components/ui/icons";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-100 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <LogoMark className="size-9 text-accent-600" />
          <p className="mt-3 text-lg font-semibold tracking-tight text-zinc-900">Warden</p>
          <p className="mt-1 text-[13px] text-zinc-600">The operations console for AI agents in production.</p>
        </div>
        {children}
      </div>
    </main>
  );
}
