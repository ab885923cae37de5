export * from "./resolve-tenant-by-host";
export * from "./tenant-cache";
export * from "./get-tenant";
