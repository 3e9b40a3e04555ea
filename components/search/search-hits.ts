import type { SearchHit, SearchKind } from "@/lib/search/schemas";
import { actionsSearchHref } from "../actions/action-params";

export const KIND_LABELS: Record<SearchKind, string> = { action: "Actions", run: "Runs", agent: "Agents", actionType: "Action types" };

/** Where a hit leads. A run opens its actions until runs have a page of their own. */
export function hitHref(hit: SearchHit): string {
  switch (hit.kind) {
    case "action":
      return `/actions/${hit.id}`;
    case "run":
      return actionsSearchHref(hit.id);
    case "agent":
      return `/agents/${hit.id}`;
    case "actionType":
      return `/action-types/${encodeURIComponent(hit.id)}`;
  }
}
