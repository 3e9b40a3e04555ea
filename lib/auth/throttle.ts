// Sign-in throttling, pure: given recent failures, may this attempt proceed, and how soon?
// Failures are counted in Postgres (login_attempts) so the limits hold across app instances.
//
// The scheme (docs/security.md): an attacker must not be able to lock a real user out.
//  - one e-mail from one client address: 5 failures in 15 minutes → refused (429, Retry-After);
//  - one client address, any e-mails: 30 failures in 15 minutes → refused;
//  - one e-mail from all addresses together: never refused, only slowed down — from the 5th
//    failure each attempt waits 250 ms, doubling per further failure, at most 2 s.
// IPv6 clients are counted by their /64, the block one host or household usually gets.

import { formatIp, networkOf, parseIp } from "../net/ip-address";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerPair: 5,
  maxFailuresPerAddress: 30,
  slowDownAfterEmailFailures: 5,
  slowDownBaseMs: 250,
  slowDownMaxMs: 2_000,
  /** How long login_attempts rows are kept: well beyond the window, for a day of forensics. */
  retentionMs: 24 * 3600_000,
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** `failures` are the timestamps of failed attempts (the newest `max` suffice), any order. */
export function throttleVerdict(failures: Date[], max: number, now: Date, windowMs: number = THROTTLE.windowMs): ThrottleVerdict {
  const recent = failures.filter((d) => now.getTime() - d.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < max) return { allowed: true };
  // Allowed again when enough of the oldest failures have left the window.
  const unlockAt = recent[recent.length - max].getTime() + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 1000)) };
}

/** The wait before checking a password for an e-mail with this many recent failures from anywhere. */
export function emailSlowDownMs(emailFailures: number): number {
  const over = emailFailures - THROTTLE.slowDownAfterEmailFailures;
  if (over < 0) return 0;
  // Capping the exponent first keeps the arithmetic finite for any count.
  return Math.min(THROTTLE.slowDownMaxMs, THROTTLE.slowDownBaseMs * 2 ** Math.min(over, 30));
}

export type SignInVerdict =
  | { allowed: true; delayMs: number }
  | { allowed: false; retryAfterSeconds: number; scope: "pair" | "address" };

/**
 * The decision for one attempt. `address` failures are null when the client address is
 * unknown (then only the pair and the slow-down apply). When both the pair and the address are
 * over their limits, the longer wait is the one that lets the attempt through.
 */
export function signInVerdict(
  recent: { pair: Date[]; address: Date[] | null; emailFailures: number },
  now: Date,
): SignInVerdict {
  const refusals = [
    { scope: "pair" as const, v: throttleVerdict(recent.pair, THROTTLE.maxFailuresPerPair, now) },
    { scope: "address" as const, v: recent.address ? throttleVerdict(recent.address, THROTTLE.maxFailuresPerAddress, now) : { allowed: true as const } },
  ].flatMap(({ scope, v }) => (v.allowed ? [] : [{ scope, retryAfterSeconds: v.retryAfterSeconds }]));
  if (refusals.length) {
    const longest = refusals.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
    return { allowed: false, ...longest };
  }
  return { allowed: true, delayMs: emailSlowDownMs(recent.emailFailures) };
}

/**
 * The key a client address is counted under: the canonical IPv4 address, or the /64 an IPv6
 * address belongs to (one host usually owns a whole /64 and could rotate through it).
 * Something that is not an address is kept as given (bounded), never dropped.
 */
export function throttleAddressKey(address: string | null | undefined): string | null {
  if (!address) return null;
  const ip = parseIp(address);
  if (!ip) return address.slice(0, 64);
  return ip.version === 4 ? formatIp(ip) : `${formatIp(networkOf(ip, 64))}/64`;
}
