export * from "./tenant";
export * from "./website-config";
export * from "./events";
export * from "./crm";
export * from "./phone";
