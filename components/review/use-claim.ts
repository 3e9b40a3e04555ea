"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ClaimState } from "@/lib/review/claim-action";
import { api, errorMessage } from "../api";

/** Renew well inside the server's 3-minute claim. */
const RENEW_MS = 60_000;
/** While someone else has it open, look again this often so it passes to us once they leave. */
const RETRY_MS = 15_000;

/**
 * Claims the action while this page is open: POST on open, renewed every minute, released when
 * the reviewer leaves (unmount, or the tab closing). Someone else's live claim is reported.
 */
export function useClaim(actionId: string, enabled: boolean) {
  const [state, setState] = useState<ClaimState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const recheckRef = useRef<() => void>(() => {});

  useEffect(() => {
    if (!enabled) return;
    const path = `/api/console/actions/${encodeURIComponent(actionId)}/claim`;
    let stopped = false;
    let mine = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // keepalive lets the release reach the server even while the tab is closing.
    const release = () => {
      if (!mine) return;
      mine = false;
      void fetch(path, { method: "DELETE", keepalive: true, credentials: "same-origin", headers: { accept: "application/json" } }).catch(() => {});
    };
    const tick = async () => {
      clearTimeout(timer);
      try {
        const s = await api<ClaimState>(path, { method: "POST", body: {} });
        mine = s.mine;
        if (stopped) return release();
        setState(s);
        setError(null);
        timer = setTimeout(tick, s.mine ? RENEW_MS : RETRY_MS);
      } catch (err) {
        if (stopped) return;
        setError(errorMessage(err));
        timer = setTimeout(tick, RETRY_MS);
      }
    };
    recheckRef.current = () => void tick();
    void tick();
    window.addEventListener("pagehide", release);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("pagehide", release);
      recheckRef.current = () => {};
      release();
    };
  }, [actionId, enabled]);

  const recheck = useCallback(() => recheckRef.current(), []);
  return { state: enabled ? state : null, error: enabled ? error : null, recheck };
}
