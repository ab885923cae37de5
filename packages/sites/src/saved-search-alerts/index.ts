export * from "./find-saved-search-changes";
export * from "./record-saved-search-listings";
export * from "./list-alerting-saved-searches";
export * from "./visitor-email-token";
export * from "./update-alert-preferences";
