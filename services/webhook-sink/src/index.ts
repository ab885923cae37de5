export * from "./webhook-sink";
