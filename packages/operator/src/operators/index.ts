export * from "./get-platform-role";
