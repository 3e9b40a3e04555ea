// The little Markdown the API description uses: paragraphs, "- " lists and `code`. Anything
// else is shown as text; nothing is ever injected as HTML.

function Inline({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith("`") && p.endsWith("`") && p.length > 1 ? (
          <code key={i} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[12px] text-zinc-800">
            {p.slice(1, -1)}
          </code>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </>
  );
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <div className={className ?? "space-y-2 text-[13px] leading-relaxed text-zinc-700"}>
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        if (lines.every((l) => /^\s*- /.test(l))) {
          return (
            <ul key={i} className="list-disc space-y-0.5 pl-5">
              {lines.map((l, j) => (
                <li key={j}>
                  <Inline text={l.replace(/^\s*- /, "")} />
                </li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i} className="[overflow-wrap:anywhere]">
            <Inline text={lines.join(" ")} />
          </p>
        );
      })}
    </div>
  );
}
