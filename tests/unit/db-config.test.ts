import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeDatabase, resolveDatabaseConfig } from "../../lib/db/config";

describe("database configuration", () => {
  it("uses DATABASE_URL when set", () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: "postgres://u@h:5433/db" })).toEqual({
      kind: "postgres",
      url: "postgres://u@h:5433/db",
    });
  });

  it("falls back to the embedded database under .data/ (or WARDEN_DATA_DIR)", () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: "  " })).toEqual({
      kind: "embedded",
      dataDir: path.resolve(".data/pg"),
    });
    expect(resolveDatabaseConfig({ WARDEN_DATA_DIR: "/tmp/w" })).toEqual({ kind: "embedded", dataDir: "/tmp/w/pg" });
  });

  it("describes a server without its credentials", () => {
    expect(describeDatabase({ kind: "postgres", url: "postgres://user:secret@db.internal:5432/warden" })).toBe(
      "Postgres at db.internal:5432/warden",
    );
  });
});
