export { recordScore } from "./record-score";
export * from "./schemas";
