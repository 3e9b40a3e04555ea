/** What decides whether a waiting approval may be approved together with others. */
export type BulkCandidate = {
  /** The type is marked destructive (blocked). */
  blocked: boolean;
  /** Escalated past its deadline: managers only. */
  escalated: boolean;
  /** Someone else has it open right now. */
  claimedByOther: boolean;
};

/**
 * Why an item cannot be decided in bulk, or null when it can (pass blocked: false for a
 * rejection, which may cover destructive types). Bulk approval is for items a
 * reviewer could approve one at a time as they stand: not held by someone else, not escalated
 * past what this role may decide, and never a destructive (blocked) type, which is read and
 * approved on its own. Used by the server, which enforces it, and by the queue, which says so
 * before asking.
 */
export function notBulkApprovable(c: BulkCandidate, isManager: boolean): string | null {
  if (c.blocked) return "a blocked (destructive) type is approved one at a time";
  if (c.escalated && !isManager) return "escalated to managers";
  if (c.claimedByOther) return "another reviewer has it open";
  return null;
}
