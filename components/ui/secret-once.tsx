import { Button } from "./button";
import { CopyButton } from "./copy-button";

/**
 * A newly created secret (an API key, a personal token), shown the only time it can be: with a
 * copy button, what to know about keeping it, and `children` for how to use it.
 */
export function SecretOnce({
  titleId,
  title,
  note,
  secret,
  copyLabel,
  testId,
  onDone,
  children,
}: {
  titleId: string;
  title: React.ReactNode;
  note: React.ReactNode;
  secret: string;
  copyLabel: string;
  testId: string;
  onDone: () => void;
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={titleId} className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3">
      <h3 id={titleId} className="text-sm font-semibold text-amber-950">
        {title}
      </h3>
      <p className="mt-0.5 text-[13px] text-amber-900">{note}</p>
      <div className="mt-3 flex items-center gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 overflow-x-auto rounded-md border border-amber-200 bg-surface px-2.5 py-1.5 font-mono text-[13px] whitespace-nowrap text-zinc-900 select-all"
        >
          {secret}
        </code>
        <CopyButton value={secret} label={copyLabel} size="md" />
      </div>
      {children}
      <div className="mt-3 flex justify-end">
        <Button size="sm" variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
