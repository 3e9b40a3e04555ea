import { errorMessage } from "../api";
import { Alert } from "../ui/alert";
import { humanizeTimes } from "./clock";

/**
 * The one place a decision's fate is shown under the card: refused because someone else got
 * there first (a conflict, in the server's words), failed, or saved and moving on.
 */
export function DecisionStatus({ conflict, error, sending, saved }: { conflict: string | null; error: unknown; sending: boolean; saved: boolean }) {
  if (conflict) {
    return (
      <Alert title="This action could not be decided">
        <span data-testid="decision-conflict">{conflict}</span>
      </Alert>
    );
  }
  if (error) return <Alert>{humanizeTimes(errorMessage(error))}</Alert>;
  if (saved) return <Alert tone="success">Saved. Opening the next item…</Alert>;
  if (sending) return <Alert tone="success">Saving your decision…</Alert>;
  return null;
}
