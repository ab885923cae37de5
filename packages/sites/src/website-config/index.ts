export * from "./list-page-modules";
export * from "./get-provider-keys";
export * from "./get-map-style-url";
