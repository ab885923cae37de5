export * from "./api-key-select";
export * from "./create-api-key";
export * from "./list-api-keys";
export * from "./revoke-api-key";
export * from "./update-api-key";
export * from "./verify-api-key";
