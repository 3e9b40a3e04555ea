import { gzipSync } from "node:zlib";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../lib/api/limits";
import { DomainError, STATUS_BY_CODE, UnavailableError, ValidationError } from "../../lib/errors";
import { errorToResponse } from "../../lib/http/problem";
import { OTLP_LIMITS, otlpResponse, readOtlpBody, toOtlpError } from "../../lib/otlp";

const URL_ = "http://localhost/api/v1/otlp/v1/traces";
const JSON_BODY = { resourceSpans: [{ scopeSpans: [{ spans: [] }] }] };

function post(body: BodyInit | Uint8Array | null, headers: Record<string, string>) {
  // A copy on its own ArrayBuffer: what the DOM typings accept as a body.
  const init = body instanceof Uint8Array ? new Uint8Array(body) : body;
  return new Request(URL_, { method: "POST", body: init, headers, duplex: "half" } as RequestInit);
}

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return STATUS_BY_CODE[(err as DomainError).code];
  }
  throw new Error("expected an error");
}

describe("readOtlpBody", () => {
  it("reads OTLP/JSON, with or without a charset", async () => {
    for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON"]) {
      expect(await readOtlpBody(post(JSON.stringify(JSON_BODY), { "content-type": type }))).toEqual({ format: "json", payload: JSON_BODY });
    }
  });

  it("reads a gzip body (Content-Encoding: gzip)", async () => {
    const body = gzipSync(JSON.stringify(JSON_BODY));
    expect(await readOtlpBody(post(body, { "content-type": "application/json", "content-encoding": "gzip" }))).toEqual({
      format: "json",
      payload: JSON_BODY,
    });
  });

  it("decodes protobuf (application/x-protobuf), also gzipped", async () => {
    const bytes = ProtobufTraceSerializer.serializeRequest([])!;
    const plain = await readOtlpBody(post(bytes, { "content-type": "application/x-protobuf" }));
    expect(plain).toEqual({ format: "protobuf", payload: { resourceSpans: [] } });
    const gz = await readOtlpBody(post(gzipSync(bytes), { "content-type": "application/protobuf", "content-encoding": "gzip" }));
    expect(gz.format).toBe("protobuf");
  });

  it.each([
    ["no content type", {}],
    ["text/plain", { "content-type": "text/plain" }],
    ["form data", { "content-type": "application/x-www-form-urlencoded" }],
    ["a JSON look-alike", { "content-type": "application/jsonx" }],
  ])("refuses %s with 415", async (_label, headers) => {
    expect(await statusOf(readOtlpBody(post("{}", headers)))).toBe(415);
  });

  it("refuses an encoding other than gzip with 415", async () => {
    expect(await statusOf(readOtlpBody(post("{}", { "content-type": "application/json", "content-encoding": "br" })))).toBe(415);
  });

  it("refuses malformed JSON, an empty JSON body, invalid UTF-8 and broken gzip with 400", async () => {
    const json = { "content-type": "application/json" };
    expect(await statusOf(readOtlpBody(post("{resourceSpans:", json)))).toBe(400);
    expect(await statusOf(readOtlpBody(post("", json)))).toBe(400);
    expect(await statusOf(readOtlpBody(post(Uint8Array.from([0x7b, 0xff, 0x7d]), json)))).toBe(400);
    expect(await statusOf(readOtlpBody(post("not gzip at all", { ...json, "content-encoding": "gzip" })))).toBe(400);
  });

  it("refuses a body larger than the limit with 413, by declared length or by what arrives", async () => {
    const big = "x".repeat(LIMITS.maxBodyBytes + 1);
    expect(await statusOf(readOtlpBody(post(big, { "content-type": "application/json" })))).toBe(413);
    const stream = new ReadableStream({
      pull(c) {
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    // No content-length: the limit is enforced while reading, on an endless stream.
    expect(await statusOf(readOtlpBody(post(stream, { "content-type": "application/json" })))).toBe(413);
  });

  it("stops a gzip bomb at the decompressed limit with 413", async () => {
    const bomb = gzipSync(Buffer.alloc(OTLP_LIMITS.maxDecodedBytes + 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(LIMITS.maxBodyBytes); // small on the wire
    expect(await statusOf(readOtlpBody(post(bomb, { "content-type": "application/json", "content-encoding": "gzip" })))).toBe(413);
  });
});

describe("OTLP responses", () => {
  it("answers {} on full success and partialSuccess otherwise, as JSON", async () => {
    const ok = otlpResponse("json", { rejectedSpans: 0 });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await ok.json()).toEqual({});
    const partial = otlpResponse("json", { rejectedSpans: 2, errorMessage: "2 of 5 spans rejected" });
    expect(await partial.json()).toEqual({ partialSuccess: { rejectedSpans: 2, errorMessage: "2 of 5 spans rejected" } });
  });

  it("answers protobuf requests in protobuf", async () => {
    const ok = otlpResponse("protobuf", { rejectedSpans: 0 });
    expect(ok.headers.get("content-type")).toBe("application/x-protobuf");
    expect((await ok.arrayBuffer()).byteLength).toBe(0);
    const partial = otlpResponse("protobuf", { rejectedSpans: 1, errorMessage: "bad id" });
    expect(ProtobufTraceSerializer.deserializeResponse(new Uint8Array(await partial.arrayBuffer()))).toEqual({
      partialSuccess: { rejectedSpans: 1, errorMessage: "bad id" },
    });
  });

  it("maps errors by OTLP's retry rules: validation is 400, unexpected failures 503 with Retry-After", async () => {
    expect(errorToResponse(toOtlpError(new ValidationError("bad shape"))).status).toBe(400);
    const rateLimited = new DomainError("rate_limited", "slow down", { retryAfterSeconds: 12 });
    expect(toOtlpError(rateLimited)).toBe(rateLimited);
    const original = console.error;
    console.error = () => {};
    try {
      const mapped = toOtlpError(new Error("connection terminated"));
      expect(mapped).toBeInstanceOf(UnavailableError);
      const res = errorToResponse(mapped);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(JSON.stringify(await res.json())).not.toContain("connection terminated");
    } finally {
      console.error = original;
    }
  });
});
