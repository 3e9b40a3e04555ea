"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// Unexpected failures while rendering a console page; the shell stays usable around it.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-16">
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900">This page could not be loaded</h1>
      <Alert className="mt-4">
        Something went wrong on our side. Try again; if it keeps happening, give an admin this reference:{" "}
        <span className="font-mono">{error.digest ?? "none"}</span>.
      </Alert>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
