export * from "./schema-engine";
export * from "./operations";
export * from "./open-target";
