import { describe, expect, it } from "vitest";
import { THROTTLE, emailSlowDownMs, signInVerdict, throttleAddressKey, throttleVerdict } from "../../lib/auth/throttle";

const now = new Date("2026-11-26T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const times = (n: number, everySeconds = 1) => Array.from({ length: n }, (_, i) => ago((i + 1) * everySeconds));
const WINDOW_S = THROTTLE.windowMs / 1000;

describe("throttleVerdict", () => {
  it("allows fewer failures than the limit", () => {
    expect(throttleVerdict([ago(1), ago(2), ago(3), ago(4)], 5, now)).toEqual({ allowed: true });
  });

  it("blocks at the limit, until the oldest counted failure leaves the window", () => {
    const v = throttleVerdict([ago(60), ago(50), ago(40), ago(30), ago(20)], 5, now);
    expect(v).toEqual({ allowed: false, retryAfterSeconds: WINDOW_S - 60 });
  });

  it("ignores failures older than the window", () => {
    const old = ago(WINDOW_S);
    expect(throttleVerdict([old, old, old, old, ago(10)], 5, now)).toEqual({ allowed: true });
  });

  it("with more failures than the limit, waits for enough of them to expire", () => {
    const fails = [ago(100), ago(90), ago(80), ago(70), ago(60), ago(50)];
    // Six failures, limit five: allowed again when the two oldest have expired (90 s ago + window).
    expect(throttleVerdict(fails, 5, now)).toEqual({ allowed: false, retryAfterSeconds: WINDOW_S - 90 });
  });

  it("decides the same from only the newest `max` failures (what the database returns)", () => {
    const fails = [ago(100), ago(90), ago(80), ago(70), ago(60), ago(50)];
    expect(throttleVerdict(fails.slice(1), 5, now)).toEqual(throttleVerdict(fails, 5, now));
  });

  it("never asks to wait less than a second", () => {
    const edge = new Date(now.getTime() - THROTTLE.windowMs + 1);
    expect(throttleVerdict([edge], 1, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

describe("emailSlowDownMs", () => {
  it("does not slow down below the threshold", () => {
    for (let n = 0; n < THROTTLE.slowDownAfterEmailFailures; n++) expect(emailSlowDownMs(n)).toBe(0);
  });

  it("starts at the base delay at the threshold and doubles per further failure", () => {
    const at = THROTTLE.slowDownAfterEmailFailures;
    expect(emailSlowDownMs(at)).toBe(250);
    expect(emailSlowDownMs(at + 1)).toBe(500);
    expect(emailSlowDownMs(at + 2)).toBe(1000);
    expect(emailSlowDownMs(at + 3)).toBe(2000);
  });

  it("is capped, however many failures", () => {
    expect(emailSlowDownMs(THROTTLE.slowDownAfterEmailFailures + 4)).toBe(THROTTLE.slowDownMaxMs);
    expect(emailSlowDownMs(10_000)).toBe(THROTTLE.slowDownMaxMs);
    expect(emailSlowDownMs(Number.MAX_SAFE_INTEGER)).toBe(THROTTLE.slowDownMaxMs);
  });
});

describe("signInVerdict", () => {
  const clean = { pair: [] as Date[], address: [] as Date[], emailFailures: 0 };

  it("lets a clean attempt through at once", () => {
    expect(signInVerdict(clean, now)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("refuses the pair at its limit, not one before", () => {
    expect(signInVerdict({ ...clean, pair: times(THROTTLE.maxFailuresPerPair - 1) }, now)).toMatchObject({ allowed: true });
    expect(signInVerdict({ ...clean, pair: times(THROTTLE.maxFailuresPerPair) }, now)).toEqual({
      allowed: false,
      scope: "pair",
      retryAfterSeconds: WINDOW_S - THROTTLE.maxFailuresPerPair,
    });
  });

  it("refuses the address at its limit, not one before", () => {
    expect(signInVerdict({ ...clean, address: times(THROTTLE.maxFailuresPerAddress - 1) }, now)).toMatchObject({ allowed: true });
    expect(signInVerdict({ ...clean, address: times(THROTTLE.maxFailuresPerAddress) }, now)).toEqual({
      allowed: false,
      scope: "address",
      retryAfterSeconds: WINDOW_S - THROTTLE.maxFailuresPerAddress,
    });
  });

  it("with an unknown address, counts only the pair and the e-mail", () => {
    expect(signInVerdict({ pair: [], address: null, emailFailures: 0 }, now)).toEqual({ allowed: true, delayMs: 0 });
    expect(signInVerdict({ pair: times(5), address: null, emailFailures: 5 }, now)).toMatchObject({ allowed: false, scope: "pair" });
  });

  it("never refuses for failures of the e-mail from other addresses: it only slows down", () => {
    for (const n of [5, 6, 50, 100_000]) {
      expect(signInVerdict({ pair: [], address: [], emailFailures: n }, now)).toEqual({ allowed: true, delayMs: emailSlowDownMs(n) });
    }
    expect(signInVerdict({ pair: times(4), address: times(29), emailFailures: 100_000 }, now)).toEqual({
      allowed: true,
      delayMs: THROTTLE.slowDownMaxMs,
    });
  });

  it("when both are over, answers with the longer wait", () => {
    const pair = times(5, 100); // oldest counted 500 s ago
    const address = times(30, 1); // oldest counted 30 s ago: the longer wait
    expect(signInVerdict({ pair, address, emailFailures: 0 }, now)).toEqual({ allowed: false, scope: "address", retryAfterSeconds: WINDOW_S - 30 });
    expect(signInVerdict({ pair: times(5, 1), address: times(30, 100), emailFailures: 0 }, now)).toEqual({
      allowed: false,
      scope: "pair",
      retryAfterSeconds: WINDOW_S - 5,
    });
  });

  it("forgets failures that left the window", () => {
    const stale = Array.from({ length: 40 }, () => ago(WINDOW_S));
    expect(signInVerdict({ pair: stale, address: stale, emailFailures: 0 }, now)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("keeps the retention of attempts well beyond the window", () => {
    expect(THROTTLE.retentionMs).toBeGreaterThanOrEqual(THROTTLE.windowMs * 4);
  });
});

describe("throttleAddressKey", () => {
  it("keys IPv4 by the address, canonically", () => {
    expect(throttleAddressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(throttleAddressKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("keys IPv6 by its /64, so rotating through one's own block does not help", () => {
    expect(throttleAddressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(throttleAddressKey("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(throttleAddressKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(throttleAddressKey("::1")).toBe("::/64");
  });

  it("is null when unknown and keeps (bounded) anything else as given", () => {
    expect(throttleAddressKey(null)).toBeNull();
    expect(throttleAddressKey(undefined)).toBeNull();
    expect(throttleAddressKey("")).toBeNull();
    expect(throttleAddressKey("not-an-ip")).toBe("not-an-ip");
    expect(throttleAddressKey("x".repeat(100))).toHaveLength(64);
  });
});
