// The demo keeps its data apart from the user's: a simulated fleet must never land in the
// console someone actually uses. Without DATABASE_URL it runs on an embedded database in a
// folder of its own (WARDEN_DEMO_DATA_DIR, default .data/demo), whatever WARDEN_DATA_DIR says.
import path from "node:path";

export const DEFAULT_DEMO_DATA_DIR = ".data/demo";

/** What the demo adds to its console's environment to pick its database. */
export function demoDatabaseEnv(env: Record<string, string | undefined> = process.env): { WARDEN_DATA_DIR?: string } {
  if (env.DATABASE_URL?.trim()) return {};
  return { WARDEN_DATA_DIR: path.resolve(env.WARDEN_DEMO_DATA_DIR?.trim() || DEFAULT_DEMO_DATA_DIR) };
}
