import { describe, expect, it } from "vitest";
import { hasUnstorableEscape, readBodyText } from "../../lib/http/read-json";

describe("hasUnstorableEscape", () => {
  it.each([
    [String.raw`{"a":"x\u0000y"}`, true],
    [String.raw`{"a":"\ud83d"}`, true],
    [String.raw`{"a":"\ude00"}`, true],
    [String.raw`{"a":"\ud83d\ude00"}`, false],
    [String.raw`{"a":"\\u0000"}`, false],
    [String.raw`{"a":"\\\u0000"}`, true],
    [String.raw`{"a":"\u00e9 caf\u00e9"}`, false],
    [`{"a":"plain 😀"}`, false],
  ])("%s → %s", (text, bad) => {
    JSON.parse(text); // every case is valid JSON
    expect(hasUnstorableEscape(text)).toBe(bad);
  });
});

describe("readBodyText", () => {
  /** A chunked body (no Content-Length) that never ends: 64 KiB chunks, counted as they are pulled. */
  function endless() {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request("http://warden.test/api/v1/runs", { method: "POST", body, duplex: "half", headers: { "content-type": "application/json" } } as RequestInit);
    return { req, pulled: () => pulled };
  }

  it("stops reading a chunked body at the cap and refuses it with 413", async () => {
    const { req, pulled } = endless();
    await expect(readBodyText(req, 1024 * 1024)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled()).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024);
  });

  it("refuses a declared Content-Length above the cap before reading anything", async () => {
    const req = new Request("http://warden.test/x", { method: "POST", body: "x".repeat(10), headers: { "content-length": "2000000" } });
    await expect(readBodyText(req, 1024 * 1024)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("reads a body under the cap, as UTF-8", async () => {
    const req = new Request("http://warden.test/x", { method: "POST", body: JSON.stringify({ a: "café" }) });
    expect(await readBodyText(req, 1024)).toBe('{"a":"café"}');
  });
});
