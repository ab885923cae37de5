export * from "./test-database";
export * from "./use-test-database";
export * from "./factories";
