import { z } from "zod";

export const searchQuery = z
  .object({
    q: z.string().trim().min(1, "type something to search for").max(200),
    limit: z.coerce.number().int().min(1).max(10).default(5),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuery>;

export const SEARCH_KINDS = ["action", "run", "agent", "actionType"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** The action's, run's or agent's id; an action type's key. */
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  /** When the action was requested or the run started. */
  at: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({ q: z.string(), hits: z.array(searchHit) });
export type SearchResult = z.infer<typeof searchResult>;
