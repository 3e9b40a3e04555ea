import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file; migrations are applied by lib/db/migrate.ts (offline).
export default defineConfig({
  schema: "prisma/schema.prisma",
});
