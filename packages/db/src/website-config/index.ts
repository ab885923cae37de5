export * from "./list-page-modules";
export * from "./get-website-config";
