import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "../../lib/db/migrate";

describe("migrations", () => {
  it("prisma/migrations produce exactly schema.prisma (run `npm run db:new-migration -- <name>` if not)", async () => {
    // Replays every migration into a throw-away PGlite and diffs against the schema.
    expect(await diffMigrationsToSchema()).toBe("");
  });
});
