// The platform operator's data functions (apps/studio). They act across tenants by design;
// every change writes an OperatorAuditLog row in the same transaction.
export * from "./shared";
export * from "./audit";
export * from "./tenants";
export * from "./domains";
export * from "./modules";
export * from "./content";
export * from "./health";
export * from "./operators";
export * from "./dead-letters";
export * from "./redrives";
export * from "./feeds";
export * from "./outbox";
export * from "./website";
