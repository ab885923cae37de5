export * from "./describe-event";
export * from "./process-website-event";
