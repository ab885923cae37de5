export * from "./client";
export * from "./connection";
export * from "./readiness";
export * from "./tenants";
export * from "./website-config";
