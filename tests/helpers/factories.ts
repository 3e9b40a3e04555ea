import { randomUUID } from "node:crypto";
import { generateApiKey, insertApiKey } from "../../lib/agents";
import { hashPassword } from "../../lib/auth/password";
import type { Actor, Role } from "../../lib/auth/roles";
import type { Db } from "../../lib/db/client";

export const uniq = (label = "t") => `${label}-${randomUUID().slice(0, 8)}`;

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

/** A user with a known password (TEST_PASSWORD) and a unique e-mail. */
export async function makeUser(db: Db, role: Role, opts: { email?: string; password?: string } = {}) {
  const passwordHash = opts.password ? await hashPassword(opts.password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const user = await db.user.create({
    data: { email: opts.email ?? `${uniq(role)}@example.test`, role, passwordHash },
  });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  return { user, actor, password: opts.password ?? TEST_PASSWORD };
}

/** An agent with one active key; returns the key in clear. */
export async function makeAgent(db: Db, opts: { name?: string } = {}) {
  const agent = await db.agent.create({ data: { name: opts.name ?? uniq("agent") } });
  const key = generateApiKey();
  const created = await db.$transaction((tx) => insertApiKey(tx, { type: "system" }, agent.id, key, "test"));
  return { agent, key, keyId: created.id };
}
