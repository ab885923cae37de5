export * from "./enqueue-website-event";
export * from "./retry-policy";
