export * from "./export-contact-data";
export * from "./erase-contact";
export * from "./list-contact-queue-jobs";
export * from "./unsafe-find-text-in-database";
