export { listModelPrices, setModelPrice } from "./model-prices";
export * from "./schemas";
