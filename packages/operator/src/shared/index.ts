export * from "./actor";
export * from "./errors";
export * from "./ids";
export * from "./parse-input";
