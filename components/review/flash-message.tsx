"use client";

import { useEffect, useState } from "react";
import { Alert } from "../ui/alert";
import { consumeFlash, peekFlash } from "./flash";

/** Shows the previous page's decision result ("Approved payments.refund …") for a few seconds. */
export function FlashMessage({ className }: { className?: string }) {
  const [flash] = useState(peekFlash);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    if (!flash) return;
    consumeFlash(flash.id);
    const t = setTimeout(() => setHidden(true), 8000);
    return () => clearTimeout(t);
  }, [flash]);
  if (!flash || hidden) return null;
  return (
    <Alert tone={flash.tone} className={className}>
      <span data-testid="decision-result">{flash.message}</span>
    </Alert>
  );
}
