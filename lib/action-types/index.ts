export { ensureActionType } from "./ensure-action-type";
