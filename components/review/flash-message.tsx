"use client";

import { useEffect, useState } from "react";
import { Alert } from "../ui/alert";
import { takeFlash, type Flash } from "./flash";

/** Shows the previous page's decision result ("Approved payments.refund …") for a few seconds. */
export function FlashMessage({ className }: { className?: string }) {
  const [flash, setFlash] = useState<Flash | null>(null);
  useEffect(() => {
    const f = takeFlash();
    if (f) setFlash(f);
  }, []);
  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 8000);
    return () => clearTimeout(t);
  }, [flash]);
  if (!flash) return null;
  return (
    <Alert tone={flash.tone} className={className}>
      <span data-testid="decision-result">{flash.message}</span>
    </Alert>
  );
}
