export { notifyActionChanged, watchAction, ACTION_CHANNEL, type ActionWatch } from "./action-events";
