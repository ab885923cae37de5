export * from "./task-select";
export * from "./task-input";
export * from "./schedule-task-reminder";
export * from "./create-task";
export * from "./get-task";
export * from "./update-task";
export * from "./list-tasks";
export * from "./get-my-day";
