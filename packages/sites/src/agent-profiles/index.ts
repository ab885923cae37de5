export * from "./profile-input";
export * from "./member-photo";
export * from "./member-profile";
