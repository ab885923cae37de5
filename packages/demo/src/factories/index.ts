export * from "./build-listing";
export * from "./create-crm-fixtures";
