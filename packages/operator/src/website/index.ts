export * from "./map-style";
