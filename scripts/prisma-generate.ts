// `prisma generate` offline: the CLI insists on finding its schema engine binary even though
// generating the client never uses it, so point it at any existing file (docs/prisma-offline.md#traps).
import { spawnSync } from "node:child_process";

const res = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(res.status ?? 1);
