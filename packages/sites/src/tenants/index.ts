export * from "./resolve-tenant-by-host";
export * from "./resolve-tenant-by-slug";
export * from "./tenant-cache";
export * from "./tenant-select";
export * from "./site-changes";
