// `npm run user:reset-password -- <email>`: a new one-time password for a user, from the
// server's shell (for when the only admin is locked out). Uses the same database as `npm start`:
// DATABASE_URL, or the embedded one in WARDEN_DATA_DIR (./.data). With the embedded database,
// stop Warden first: that database can be open in one process only.
import { ZodError } from "zod";
import { closeEmbedded } from "../lib/db/adapter";
import { createDb } from "../lib/db/client";
import { describeDatabase, resolveDatabaseConfig } from "../lib/db/config";
import { applyMigrations } from "../lib/db/migrate";
import { NotFoundError } from "../lib/errors";
import { resetUserPasswordFromShell } from "../lib/users/reset-user-password";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1 || args[0].startsWith("-")) {
  console.error("usage: npm run user:reset-password -- <email>");
  process.exit(2);
}
const email = args[0];

const config = resolveDatabaseConfig();
// The same migrations every start applies, so the command also works right after an upgrade.
const applied = await applyMigrations(config);
console.log(`warden: database: ${describeDatabase(config)}${applied.length ? ` (applied ${applied.length} migration(s))` : ""}`);
const db = createDb(config, { poolMax: 1 });
let code = 0;
try {
  const { user, password } = await resetUserPasswordFromShell(db, email);
  console.log(
    [
      `warden: new one-time password for ${user.email} (${user.role}):`,
      "",
      `  password: ${password}`,
      "",
      "It is shown only this once. Sign in with it, then choose your own under Account.",
      "Every session made with the old password is signed out; sign-in throttling for this e-mail is cleared.",
      ...(user.disabled ? ["Note: this account is disabled; an admin must enable it before it can sign in."] : []),
    ].join("\n"),
  );
} catch (err) {
  code = 1;
  if (err instanceof NotFoundError) console.error(`warden: no user has the e-mail ${email.trim().toLowerCase()}; nothing was changed.`);
  else if (err instanceof ZodError) console.error(`warden: "${email}" is not a valid e-mail address; nothing was changed.`);
  else throw err;
} finally {
  await db.$disconnect();
  if (config.kind === "embedded") await closeEmbedded(config.dataDir);
}
process.exit(code);
