import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConflictError, DomainError, RateLimitedError, STATUS_BY_CODE, ValidationError } from "../../lib/errors";
import { errorToResponse } from "../../lib/http/problem";

describe("errorToResponse (RFC 9457)", () => {
  it("maps every domain error code to its status with a problem+json body", async () => {
    for (const [code, status] of Object.entries(STATUS_BY_CODE)) {
      const res = errorToResponse(new DomainError(code as keyof typeof STATUS_BY_CODE, `detail for ${code}`));
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = await res.json();
      expect(body).toMatchObject({ status, code, detail: `detail for ${code}` });
      expect(typeof body.title).toBe("string");
      expect(body.type).toMatch(/^https:\/\//);
    }
  });

  it("carries field errors for validation failures, from zod too", async () => {
    const parsed = z.object({ name: z.string(), n: z.number() }).safeParse({ name: 1, n: "x" });
    const res = errorToResponse(parsed.error);
    expect(res.status).toBe(422);
    expect((await res.json()).fieldErrors.map((f: { path: string }) => f.path).sort()).toEqual(["n", "name"]);
    const own = await errorToResponse(new ValidationError("bad", [{ path: "a.b", message: "m" }])).json();
    expect(own.fieldErrors).toEqual([{ path: "a.b", message: "m" }]);
  });

  it("sets Retry-After for rate limits", () => {
    const res = errorToResponse(new RateLimitedError("slow down", 12.2));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("13");
  });

  it("keeps extra fields of conflicts", async () => {
    expect(await errorToResponse(new ConflictError("taken", { decidedBy: "ann" })).json()).toMatchObject({ decidedBy: "ann" });
  });

  it("never leaks internals on a 500", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorToResponse(new Error("password=hunter2 at db.ts:12"));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("db.ts");
    spy.mockRestore();
  });
});
