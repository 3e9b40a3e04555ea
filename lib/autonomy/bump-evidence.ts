import type { DbTx } from "../db/client";
import type { Counts } from "./evidence";
import { EVIDENCE_COLUMNS as COLUMNS } from "./evidence-columns";

/** Adds to a type's evidence counters for the day; call in the transaction of the event counted. */
export async function bumpEvidence(tx: DbTx, actionTypeId: string, delta: Partial<Counts>, at = new Date()): Promise<void> {
  const d: Counts = {
    requests: 0, reviewed: 0, accepted: 0, edited: 0, rejected: 0, editSizeSum: 0,
    executions: 0, failedExecutions: 0, auditPassed: 0, auditFailed: 0,
    ...delta,
  };
  const day = at.toISOString().slice(0, 10);
  // Column names come from the fixed table above, never from input.
  const sets = Object.values(COLUMNS).map((c) => `${c} = evidence_daily.${c} + EXCLUDED.${c}`).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO evidence_daily (action_type_id, day, ${Object.values(COLUMNS).join(", ")})
     VALUES ($1::uuid, $2::date, ${Object.keys(COLUMNS).map((_, i) => `$${i + 3}`).join(", ")})
     ON CONFLICT (action_type_id, day) DO UPDATE SET ${sets}`,
    actionTypeId,
    day,
    ...(Object.keys(COLUMNS) as (keyof Counts)[]).map((k) => d[k]),
  );
}

/** The counters a human review adds: accepted (unedited), edited or rejected, and edit size. */
export function reviewDelta(verdict: "accepted" | "edited" | "rejected", editSize = 0): Partial<Counts> {
  return { reviewed: 1, [verdict]: 1, editSizeSum: verdict === "edited" ? editSize : 0 };
}
