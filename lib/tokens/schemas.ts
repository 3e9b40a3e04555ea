import { z } from "zod";

export const createTokenInput = z.object({ name: z.string().trim().min(1, "give the token a name, e.g. where it is used").max(64, "at most 64 characters") }).strict();

export type PersonalTokenView = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
