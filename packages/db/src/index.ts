export * from "./client";
export * from "./connection";
export * from "./readiness";
