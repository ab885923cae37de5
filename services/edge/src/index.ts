export * from "./nginx-config";
export * from "./nginx";
export * from "./purge";
export * from "./site-change-listener";
export * from "./edge";
