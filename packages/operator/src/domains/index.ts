export * from "./domain-inputs";
export * from "./add-tenant-domain";
export * from "./platform-hosts";
export * from "./remove-tenant-domain";
export * from "./set-primary-domain";
