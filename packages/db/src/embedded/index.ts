export * from "./start-embedded-server";
export * from "./open-database-url";
export { postgresBinaries, type PostgresBinaries } from "./postgres-binaries";
export { serverUser, type ServerUser } from "./server-user";
export * from "./backup-embedded-server";
export * from "./restore-embedded-server";
export { isProcessAlive } from "../connection/resolve-database";
