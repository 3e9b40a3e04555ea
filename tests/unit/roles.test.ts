import { describe, expect, it } from "vitest";
import { assertRole, hasRole, ROLES, type Role } from "../../lib/auth/roles";
import { ForbiddenError } from "../../lib/errors";

describe("roles", () => {
  it("orders viewer < reviewer < manager < admin, each including those below", () => {
    const table = ROLES.map((a) => ROLES.map((r) => hasRole(a, r)));
    expect(table).toEqual([
      [true, false, false, false],
      [true, true, false, false],
      [true, true, true, false],
      [true, true, true, true],
    ]);
  });

  it("assertRole throws ForbiddenError naming both roles", () => {
    const actor = { id: "u", email: "v@x", name: null, role: "viewer" as Role };
    expect(() => assertRole(actor, "admin", "create users")).toThrow(ForbiddenError);
    expect(() => assertRole(actor, "admin", "create users")).toThrow(/admin.*viewer/);
    expect(() => assertRole(actor, "viewer")).not.toThrow();
  });
});
