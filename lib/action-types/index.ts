export { ensureActionType } from "./ensure-action-type";
export { listActionTypes, getActionTypeOrThrow } from "./list-action-types";
export { updateActionType } from "./update-action-type";
export { declareActionType } from "./declare-action-type";
export { toActionTypeView } from "./action-type-view";
export * from "./schemas";
