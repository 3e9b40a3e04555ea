import { cn } from "./cn";

export function Table({ className, label, ...rest }: React.TableHTMLAttributes<HTMLTableElement> & { label?: string }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className={cn("w-full border-collapse text-left text-[13px]", className)} {...rest} />
    </div>
  );
}

export function THead(props: React.HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className="border-b border-zinc-200 bg-zinc-50/80" {...props} />;
}

export function TBody(props: React.HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className="divide-y divide-zinc-100" {...props} />;
}

export function Tr({ className, ...rest }: React.HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("hover:bg-zinc-50/70", className)} {...rest} />;
}

export function Th({ className, ...rest }: React.ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("h-8 px-4 text-xs font-medium whitespace-nowrap text-zinc-500 first:pl-4", className)}
      {...rest}
    />
  );
}

export function Td({ className, ...rest }: React.TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("h-10 px-4 align-middle text-zinc-700", className)} {...rest} />;
}

/** The header of a column of row buttons: named for screen readers, blank on screen. */
export function ThActions() {
  return (
    <Th>
      <span className="sr-only">Actions</span>
    </Th>
  );
}
