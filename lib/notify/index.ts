export { notifyActionChanged, watchAction, listenerState, startListening, stopWatching, ACTION_CHANNEL, type ActionWatch, type ListenerState } from "./action-events";
