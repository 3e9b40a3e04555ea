import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateChannelSecret, renderBody, retryDelayMs, signatureHeaders } from "../../lib/alerts/webhook";
import { createChannelInput } from "../../lib/alerts/schemas";

describe("Standard Webhooks signatures", () => {
  it("match the specification's published test vector", () => {
    // From the Standard Webhooks specification's examples.
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const headers = signatureHeaders(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", '{"test": 2432232314}', new Date(1614265330 * 1000));
    expect(headers).toEqual({
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    });
  });

  it("are HMAC-SHA256 of id.timestamp.body with the base64 key, and verify with a receiver's library", () => {
    const secret = generateChannelSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const body = JSON.stringify({ type: "incident.opened", timestamp: "2026-11-26T10:00:00.000Z", data: { title: "ünïcode ✓" } });
    const at = new Date();
    const headers = signatureHeaders(secret, "d-1", body, at);
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`d-1.${Math.floor(at.getTime() / 1000)}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace("✓", "x"), headers)).toThrow();
    expect(() => new Webhook(generateChannelSecret()).verify(body, headers)).toThrow();
  });
});

describe("alert bodies", () => {
  const event = {
    type: "incident.opened",
    timestamp: "2026-11-26T10:00:00.000Z",
    data: { title: "support-bot: Loop detected", severity: "warning", kind: "loop_detected", agentName: "support-bot", path: "/incidents/abc" },
  };

  it("standard: the event itself", () => {
    expect(JSON.parse(renderBody("standard", event, "https://warden.example"))).toEqual(event);
  });

  it("slack: a text fallback and blocks, with a link into the console when its address is known", () => {
    const slack = JSON.parse(renderBody("slack", event, "https://warden.example/"));
    expect(slack.text).toBe("[WARNING] support-bot: Loop detected — https://warden.example/incidents/abc");
    expect(slack.blocks[0].text.text).toContain("<https://warden.example/incidents/abc|Open in Warden>");
    expect(slack.blocks[1].elements[0].text).toBe("loop_detected · agent support-bot · 2026-11-26T10:00:00.000Z");
    expect(JSON.parse(renderBody("slack", event, null)).text).toBe("[WARNING] support-bot: Loop detected");
  });
});

describe("retry backoff", () => {
  it("doubles from the base, capped at an hour, within ±20 % jitter", () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 10_000, 0.5))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30, 10_000, 0.5)).toBe(3_600_000);
    expect(retryDelayMs(1, 10_000, 0)).toBe(8_000);
    expect(retryDelayMs(1, 10_000, 0.999999)).toBeLessThanOrEqual(12_000);
  });
});

describe("channel input", () => {
  it("takes http(s) URLs only and known severities", () => {
    expect(createChannelInput.safeParse({ name: "ops", url: "https://hooks.example.com/x" }).success).toBe(true);
    expect(createChannelInput.safeParse({ name: "ops", url: "ftp://hooks.example.com/x" }).success).toBe(false);
    expect(createChannelInput.safeParse({ name: "ops", url: "javascript:alert(1)" }).success).toBe(false);
    expect(createChannelInput.safeParse({ name: "ops", url: "https://x.example", minSeverity: "fatal" }).success).toBe(false);
    expect(createChannelInput.parse({ name: "ops", url: "https://x.example" })).toMatchObject({ format: "standard", kinds: [], minSeverity: "warning" });
  });
});
