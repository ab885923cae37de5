export * from "./smtp-sink";
