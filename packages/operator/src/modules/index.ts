export * from "./module-inputs";
export * from "./list-module-editor";
export * from "./save-page-modules";
export * from "./set-module-enabled";
