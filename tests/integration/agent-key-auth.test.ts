import { describe, expect, it } from "vitest";
import { authenticateAgent, createApiKey, revokeApiKey } from "../../lib/agents";
import { ForbiddenError, UnauthenticatedError } from "../../lib/errors";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser } from "../helpers/factories";

const db = useTestDb();

describe("authenticateAgent (the agent API's key gate)", () => {
  it("accepts a valid key and returns its agent", async () => {
    const { agent, key, keyId } = await makeAgent(db);
    const who = await authenticateAgent(db, `Bearer ${key}`);
    expect(who).toEqual({ agentId: agent.id, agentName: agent.name, keyId });
  });

  it("records when a key was last used", async () => {
    const { key, keyId } = await makeAgent(db);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt).toBeNull();
    await authenticateAgent(db, `Bearer ${key}`);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses the right prefix with a wrong secret", async () => {
    const { key } = await makeAgent(db);
    const wrong = key.slice(0, -4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(authenticateAgent(db, `Bearer ${wrong}`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses a revoked key", async () => {
    const { actor } = await makeUser(db, "manager");
    const { agent } = await makeAgent(db);
    const created = await createApiKey(db, actor, agent.id, { name: "to revoke" });
    await expect(authenticateAgent(db, `Bearer ${created.key}`)).resolves.toMatchObject({ agentId: agent.id });
    await revokeApiKey(db, actor, agent.id, created.id);
    await expect(authenticateAgent(db, `Bearer ${created.key}`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses a well-formed key whose prefix is unknown", async () => {
    await expect(authenticateAgent(db, `Bearer wdn_unknownprefix_${"x".repeat(30)}`)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });

  it.each([
    ["missing header", null],
    ["empty header", ""],
    ["wrong scheme", "Basic dXNlcjpwYXNz"],
    ["no token", "Bearer "],
    ["two tokens", "Bearer a b"],
    ["too short", "Bearer short"],
    ["bad characters", `Bearer ${"k".repeat(20)}!${"k".repeat(20)}`],
    ["too long", `Bearer ${"k".repeat(129)}`],
  ])("refuses a malformed header (%s) with 401", async (_label, header) => {
    await expect(authenticateAgent(db, header)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses a disabled agent's key with 403", async () => {
    const { agent, key } = await makeAgent(db);
    await db.agent.update({ where: { id: agent.id }, data: { status: "disabled" } });
    await expect(authenticateAgent(db, `Bearer ${key}`)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("stores only a hash: the key text appears nowhere in the row", async () => {
    const { key, keyId } = await makeAgent(db);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(JSON.stringify(row)).not.toContain(key);
    expect(key.startsWith(row.prefix)).toBe(true);
  });

  it("only managers and admins create or revoke keys", async () => {
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const { agent, keyId } = await makeAgent(db);
    await expect(createApiKey(db, reviewer, agent.id, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeApiKey(db, reviewer, agent.id, keyId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.apiKey.count({ where: { agentId: agent.id } })).toBe(1);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).revokedAt).toBeNull();
  });
});
