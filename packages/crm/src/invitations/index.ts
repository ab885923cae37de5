export * from "./invitation-select";
export * from "./create-invitation";
export * from "./list-pending-invitations";
export * from "./revoke-invitation";
export * from "./get-invitation-by-token";
export * from "./accept-invitation";
