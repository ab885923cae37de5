export * from "./area-content";
export * from "./list-towns";
export * from "./get-town";
export * from "./get-neighborhood";
export * from "./upsert-town";
export * from "./upsert-neighborhood";
