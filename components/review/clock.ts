"use client";

import { useEffect, useState } from "react";

// Times in the review screens follow components/format.ts: UTC, so everyone reads the same clock.
const clockFmt = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hour12: false });

/** "14:32 UTC" */
export function formatClock(iso: string): string {
  return `${clockFmt.format(new Date(iso))} UTC`;
}

/** "3 d 4 h", "5 h 12 min", "8 min", "< 1 min": how long a span of time is, coarse enough to scan. */
export function formatSpan(ms: number): string {
  const m = Math.floor(Math.abs(ms) / 60_000);
  if (m < 1) return "< 1 min";
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** Server messages carry ISO timestamps ("open until 2026-11-26T14:32:05.120Z"); show them as clock times. */
export function humanizeTimes(message: string): string {
  return message.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g, (iso) => formatClock(iso));
}

/** The current time, re-read every `everyMs` so countdowns stay live without refetching. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
