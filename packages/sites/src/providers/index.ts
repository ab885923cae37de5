export * from "./provider-cache";
