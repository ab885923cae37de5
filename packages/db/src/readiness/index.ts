export * from "./explain-database-error";
export * from "./assert-database-ready";
