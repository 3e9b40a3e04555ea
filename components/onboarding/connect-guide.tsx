"use client";

import Link from "next/link";
import { useState } from "react";
import { Card, CardHeader } from "../ui/card";
import { CodeBlock } from "../ui/code-block";
import { BookIcon } from "../ui/icons";
import { Segmented } from "../ui/segmented";
import { KEY_VAR, curlSnippets, otelSnippet, sdkSnippet } from "./snippets";

type Tab = "curl" | "sdk" | "otel";

/**
 * How an agent talks to this console, ready to paste: curl for starting a run and asking before
 * acting, the TypeScript SDK, and an OpenTelemetry exporter's settings. The console's address
 * is filled in; the key is the one placeholder, $WARDEN_API_KEY.
 */
export function ConnectGuide({ origin, title = "Connect the agent" }: { origin: string; title?: string }) {
  const [tab, setTab] = useState<Tab>("curl");
  return (
    <Card aria-labelledby="connect-title">
      <CardHeader
        titleId="connect-title"
        title={title}
        description={
          <>
            Put the agent&apos;s key in <code className="rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-800">{KEY_VAR}</code> (
            <code className="font-mono text-xs">export {KEY_VAR}=wdn_…</code>), then:
          </>
        }
        actions={
          <Link
            href="/api-reference"
            className="inline-flex items-center gap-1.5 rounded-sm text-[13px] font-medium text-accent-700 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500"
          >
            <BookIcon className="size-3.5" />
            API reference
          </Link>
        }
      />
      <div className="space-y-4 px-4 py-4">
        <Segmented
          label="Connect with"
          value={tab}
          onChange={setTab}
          segments={[
            { value: "curl", label: "curl" },
            { value: "sdk", label: "TypeScript SDK" },
            { value: "otel", label: "OpenTelemetry" },
          ]}
        />
        {tab === "curl" ? (
          <ol className="space-y-4">
            {curlSnippets(origin).map((s, i) => (
              <li key={s.id} data-testid={`connect-${s.id}`}>
                <h3 className="text-[13px] font-medium text-zinc-900">
                  {i + 1}. {s.title}
                </h3>
                <p className="mt-0.5 mb-2 text-xs text-zinc-600">{s.note}</p>
                <CodeBlock code={s.code} label={s.language} />
              </li>
            ))}
          </ol>
        ) : tab === "sdk" ? (
          <CodeBlock code={sdkSnippet(origin)} label="TypeScript" />
        ) : (
          <CodeBlock code={otelSnippet(origin)} label="Environment of the instrumented process" />
        )}
      </div>
    </Card>
  );
}
