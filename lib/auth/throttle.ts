// Sign-in throttling, pure: given recent failures, may this attempt proceed?
// Counted in Postgres (login_attempts) so it holds across app instances.

export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 30,
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** `failures` are the timestamps of failed attempts inside the window, any order. */
export function throttleVerdict(failures: Date[], max: number, now: Date, windowMs: number = THROTTLE.windowMs): ThrottleVerdict {
  const recent = failures.filter((d) => now.getTime() - d.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < max) return { allowed: true };
  // Allowed again when enough of the oldest failures have left the window.
  const unlockAt = recent[recent.length - max].getTime() + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 1000)) };
}
