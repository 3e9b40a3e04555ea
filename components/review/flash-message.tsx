"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "../ui/alert";
import { consumeFlash, peekFlash, type Flash } from "./flash";

/** A decision's result with a link to the decided item, which has left the queue. */
export function ResultAlert({ flash, className }: { flash: Omit<Flash, "id">; className?: string }) {
  return (
    <Alert tone={flash.tone} className={className}>
      <span data-testid="decision-result">{flash.message}</span>
      {flash.href ? (
        <>
          {" "}
          <Link href={flash.href} className="font-medium underline underline-offset-2 outline-none focus-visible:ring-2 focus-visible:ring-accent-500" data-testid="decision-result-link">
            {flash.linkLabel ?? "View"}
          </Link>
        </>
      ) : null}
    </Alert>
  );
}

/**
 * Shows the previous page's decision result ("Approved payments.refund …") with a link to the
 * decided action. It stays until the next decision or page: the link is the way back to an item
 * that has left the queue, so it must not vanish while someone reaches for it.
 */
export function FlashMessage({ className }: { className?: string }) {
  const [flash] = useState(peekFlash);
  useEffect(() => {
    if (flash) consumeFlash(flash.id);
  }, [flash]);
  if (!flash) return null;
  return <ResultAlert flash={flash} className={className} />;
}
