import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoDatabaseEnv } from "../../scripts/demo/data-dir";

// `npm run demo` must never write its simulated fleet into the console someone actually uses:
// without DATABASE_URL it runs on an embedded database in a folder of its own.
describe("the demo's data folder", () => {
  it("is .data/demo, not the console's .data, when no DATABASE_URL is set", () => {
    const env = demoDatabaseEnv({});
    expect(env.WARDEN_DATA_DIR).toBe(path.resolve(".data/demo"));
    expect(env.WARDEN_DATA_DIR).not.toBe(path.resolve(".data"));
  });

  it("stays apart even when WARDEN_DATA_DIR names the user's own folder", () => {
    expect(demoDatabaseEnv({ WARDEN_DATA_DIR: "/srv/warden" }).WARDEN_DATA_DIR).toBe(path.resolve(".data/demo"));
  });

  it("can be moved with WARDEN_DEMO_DATA_DIR", () => {
    expect(demoDatabaseEnv({ WARDEN_DEMO_DATA_DIR: "/tmp/warden-demo" }).WARDEN_DATA_DIR).toBe("/tmp/warden-demo");
  });

  it("is left alone with DATABASE_URL: that server is what the user asked the demo to use", () => {
    expect(demoDatabaseEnv({ DATABASE_URL: "postgres://localhost/demo", WARDEN_DATA_DIR: "/srv/warden" })).toEqual({});
  });
});
