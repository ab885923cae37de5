export * from "./resolve-database";
export * from "./open-pglite";
export * from "./pg-config";
export * from "./embedded-server";
