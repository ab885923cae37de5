export * from "./list-page-modules";
export * from "./get-provider-keys";
