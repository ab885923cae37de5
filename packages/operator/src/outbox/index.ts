export * from "./outbox-query";
export * from "./list-outbox-messages";
export * from "./get-outbox-health";
export * from "./resend-failed-emails";
