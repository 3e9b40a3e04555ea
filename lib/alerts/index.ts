export { enqueueEvent, type OutgoingEvent } from "./enqueue-event";
export { deliverDueAlerts, MAX_ATTEMPTS } from "./deliver-due-alerts";
export { listChannels, getChannel, createChannel, updateChannel, deleteChannel } from "./manage-channels";
export { sendTestAlert } from "./send-test-alert";
export { generateChannelSecret, signatureHeaders, renderBody, retryDelayMs, type AlertEvent } from "./webhook";
export * from "./schemas";
