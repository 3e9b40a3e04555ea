import { getActionTypeFor, patchActionTypeFor } from "@/lib/autonomy/manage-action-type";
import { principalRoute } from "@/lib/http/principal-route";

export const GET = principalRoute<{ key: string }>(({ db, principal, params }) => getActionTypeFor(db, principal, params.key));
export const PATCH = principalRoute<{ key: string }>(({ db, principal, params, body }) => patchActionTypeFor(db, principal, params.key, body));
