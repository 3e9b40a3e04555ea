// Placeholders while a page's evidence loads; announced once, not per block.

function Block({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-zinc-200/70 ${className}`} />;
}

function CardSkeleton() {
  return (
    <div className="rounded-lg border border-zinc-200 bg-surface p-4 shadow-xs">
      <Block className="h-4 w-40" />
      <div className="mt-4 grid grid-cols-3 gap-4">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="space-y-1.5">
            <Block className="h-3 w-16" />
            <Block className="h-4 w-12" />
          </div>
        ))}
      </div>
      <Block className="mt-5 h-1.5 w-full" />
      <Block className="mt-3 h-3 w-3/4" />
    </div>
  );
}

/** `title` when the page's heading is known before its data (the board); a bar otherwise. */
export function BoardSkeleton({ title, label }: { title?: string; label: string }) {
  return (
    <div role="status" aria-busy="true">
      <span className="sr-only">Loading {label}…</span>
      <div className="mb-6">
        {title ? <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{title}</h1> : <Block className="h-6 w-56" />}
        <Block className="mt-2 h-3.5 w-96" />
      </div>
      {[0, 1].map((s) => (
        <div key={s} className="mb-8">
          <Block className="mb-3 h-4 w-32" />
          <div className="grid gap-4 lg:grid-cols-2">
            <CardSkeleton />
            <CardSkeleton />
          </div>
        </div>
      ))}
    </div>
  );
}
