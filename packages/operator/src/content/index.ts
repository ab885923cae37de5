export * from "./area-inputs";
export * from "./list-areas";
export * from "./get-area";
export * from "./update-area-content";
