export * from "./run-studio-redrive";
export * from "./get-redrive-outcome";
export * from "./list-redrives";
export * from "./get-redrive";
