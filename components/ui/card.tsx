import { cn } from "./cn";

export function Card({ className, ...rest }: React.HTMLAttributes<HTMLElement>) {
  return <section className={cn("rounded-lg border border-zinc-200 bg-surface shadow-xs", className)} {...rest} />;
}

export function CardHeader({
  title,
  description,
  actions,
  titleId,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  titleId?: string;
}) {
  return (
    <div className="flex items-start justify-between gap-4 border-b border-zinc-200 px-4 py-3">
      <div className="min-w-0">
        <h2 id={titleId} className="text-sm font-semibold text-zinc-900">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-[13px] text-zinc-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...rest }: React.HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("px-4 py-4", className)} {...rest} />;
}
