export * from "./partner-event-body";
export * from "./accept-partner-event";
export * from "./find-event-person";
