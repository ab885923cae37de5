export * from "./errors";
export * from "./describe-event";
export * from "./process-website-event";
export * from "./uuid-v7";
