export * from "./mask-personal-data";
export * from "./job-select";
export * from "./get-ingestion-job";
export * from "./reveal-job-payload";
export * from "./count-matching-dead-letters";
export * from "./get-attempt-times";
export * from "./parse-job-id";
