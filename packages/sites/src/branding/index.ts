export * from "./logo-files";
export * from "./read-tenant-logo";
