import { listActionTypesFor } from "@/lib/autonomy/manage-action-type";
import { principalRoute } from "@/lib/http/principal-route";

export const GET = principalRoute(({ db, principal }) => listActionTypesFor(db, principal));
