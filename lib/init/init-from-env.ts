import { z } from "zod";
import { insertApiKey } from "../agents/create-api-key";
import { apiKeySchema, agentNameSchema } from "../agents/schemas";
import { hashApiKey } from "../agents/api-key-format";
import { generatePassword, hashPassword } from "../auth/password";
import { recordAuditEvent } from "../audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { emailSchema, newPasswordSchema } from "../users/schemas";

// Headless initialisation for operators and automation (like Langfuse's LANGFUSE_INIT_*).
// Runs on every start; each step only creates what is missing, so restarts change nothing.

const initEnv = z.object({
  WARDEN_INIT_ADMIN_EMAIL: emailSchema.optional(),
  WARDEN_INIT_ADMIN_PASSWORD: newPasswordSchema.optional(),
  WARDEN_INIT_AGENT_NAME: agentNameSchema.optional(),
  WARDEN_INIT_AGENT_KEY: apiKeySchema.optional(),
});

export type InitResult = {
  adminCreated?: string;
  agentCreated?: string;
  agentKeyCreated?: boolean;
  /** Set only when the first start made an admin with a generated password: print it once. */
  generatedAdmin?: { email: string; password: string };
};

export const DEFAULT_ADMIN_EMAIL = "admin@warden.local";

export async function initFromEnv(db: Db, env: Record<string, string | undefined>): Promise<InitResult> {
  const parsed = initEnv.safeParse(
    Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("WARDEN_INIT_") && v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid WARDEN_INIT_* settings: ${where}`);
  }
  const e = parsed.data;
  if (Boolean(e.WARDEN_INIT_ADMIN_EMAIL) !== Boolean(e.WARDEN_INIT_ADMIN_PASSWORD)) {
    throw new Error("Set both WARDEN_INIT_ADMIN_EMAIL and WARDEN_INIT_ADMIN_PASSWORD, or neither.");
  }
  if (Boolean(e.WARDEN_INIT_AGENT_NAME) !== Boolean(e.WARDEN_INIT_AGENT_KEY)) {
    throw new Error("Set both WARDEN_INIT_AGENT_NAME and WARDEN_INIT_AGENT_KEY, or neither.");
  }

  const result: InitResult = {};
  if (e.WARDEN_INIT_ADMIN_EMAIL && e.WARDEN_INIT_ADMIN_PASSWORD) {
    if (await createAdminIfMissing(db, e.WARDEN_INIT_ADMIN_EMAIL, e.WARDEN_INIT_ADMIN_PASSWORD)) {
      result.adminCreated = e.WARDEN_INIT_ADMIN_EMAIL;
    }
  } else if ((await db.user.count()) === 0) {
    const password = generatePassword();
    if (await createAdminIfMissing(db, DEFAULT_ADMIN_EMAIL, password)) {
      result.generatedAdmin = { email: DEFAULT_ADMIN_EMAIL, password };
    }
  }
  if (e.WARDEN_INIT_AGENT_NAME && e.WARDEN_INIT_AGENT_KEY) {
    Object.assign(result, await ensureAgentWithKey(db, e.WARDEN_INIT_AGENT_NAME, e.WARDEN_INIT_AGENT_KEY));
  }
  return result;
}

async function createAdminIfMissing(db: Db, email: string, password: string): Promise<boolean> {
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return false;
  const passwordHash = await hashPassword(password);
  try {
    await db.$transaction(async (tx) => {
      const u = await tx.user.create({ data: { email, role: "admin", passwordHash } });
      await recordAuditEvent(tx, {
        actor: { type: "system" },
        action: "user.created",
        targetType: "user",
        targetId: u.id,
        after: { email, role: "admin", via: "init" },
      });
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false; // another instance started at the same moment
    throw err;
  }
}

async function ensureAgentWithKey(db: Db, name: string, key: string): Promise<Pick<InitResult, "agentCreated" | "agentKeyCreated">> {
  const out: Pick<InitResult, "agentCreated" | "agentKeyCreated"> = {};
  try {
    await db.$transaction(async (tx) => {
      let agent = await tx.agent.findUnique({ where: { name } });
      if (!agent) {
        agent = await tx.agent.create({ data: { name, description: "Created by WARDEN_INIT_AGENT_NAME" } });
        await recordAuditEvent(tx, { actor: { type: "system" }, action: "agent.created", targetType: "agent", targetId: agent.id, after: { name, via: "init" } });
        out.agentCreated = name;
      }
      const existing = await tx.apiKey.findFirst({ where: { secretHash: hashApiKey(key) } });
      if (existing) {
        if (existing.agentId !== agent.id) throw new Error("WARDEN_INIT_AGENT_KEY already belongs to another agent.");
        if (existing.revokedAt) throw new Error("WARDEN_INIT_AGENT_KEY was revoked; set a new key.");
        return;
      }
      await insertApiKey(tx, { type: "system" }, agent.id, key, "init");
      out.agentKeyCreated = true;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return {}; // a concurrent start created the same rows
    throw err;
  }
  return out;
}
