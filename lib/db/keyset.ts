import { BadRequestError } from "../errors";

// Keyset pagination on (created_at, id): a page starts after the last row of the previous one,
// so page 200 costs what page 1 does. The cursor is opaque to clients: base64url("iso|id").

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(c: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(c, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new BadRequestError("Invalid cursor.");
  return { createdAt, id };
}
