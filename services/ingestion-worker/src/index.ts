export * from "./clock";
export * from "./config";
export * from "./logger";
export * from "./metrics";
export * from "./metrics-server";
export * from "./notify-listener";
export * from "./run-job";
export * from "./worker";
