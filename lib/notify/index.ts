export { notifyActionChanged, notifyActionsChanged, watchAction, listenerState, startListening, stopWatching, ACTION_CHANNEL, type ActionWatch, type ListenerState } from "./action-events";
