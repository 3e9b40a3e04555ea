import { describe, expect, it } from "vitest";
import { THROTTLE, throttleVerdict } from "../../lib/auth/throttle";

const now = new Date("2026-11-26T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("throttleVerdict", () => {
  it("allows fewer failures than the limit", () => {
    expect(throttleVerdict([ago(1), ago(2), ago(3), ago(4)], 5, now)).toEqual({ allowed: true });
  });

  it("blocks at the limit, until the oldest counted failure leaves the window", () => {
    const v = throttleVerdict([ago(60), ago(50), ago(40), ago(30), ago(20)], 5, now);
    expect(v).toEqual({ allowed: false, retryAfterSeconds: THROTTLE.windowMs / 1000 - 60 });
  });

  it("ignores failures older than the window", () => {
    const old = ago(THROTTLE.windowMs / 1000);
    expect(throttleVerdict([old, old, old, old, ago(10)], 5, now)).toEqual({ allowed: true });
  });

  it("with more failures than the limit, waits for enough of them to expire", () => {
    const fails = [ago(100), ago(90), ago(80), ago(70), ago(60), ago(50)];
    // Six failures, limit five: allowed again when the two oldest have expired (90 s ago + window).
    expect(throttleVerdict(fails, 5, now)).toEqual({ allowed: false, retryAfterSeconds: THROTTLE.windowMs / 1000 - 90 });
  });

  it("never asks to wait less than a second", () => {
    const edge = new Date(now.getTime() - THROTTLE.windowMs + 1);
    expect(throttleVerdict([edge], 1, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
