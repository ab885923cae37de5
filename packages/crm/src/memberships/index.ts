export * from "./membership-select";
export * from "./get-membership-for-user";
export * from "./list-memberships";
export * from "./list-memberships-of-user";
export * from "./create-membership";
export * from "./update-membership-role";
export * from "./remove-membership";
export * from "./set-member-away";
