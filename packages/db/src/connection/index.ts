export * from "./resolve-database";
export * from "./pg-config";
