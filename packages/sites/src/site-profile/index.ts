export * from "./get-site-profile";
