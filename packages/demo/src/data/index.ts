export * from "./types";
export { FAIRFIELD_TENANT } from "./fairfield";
export { SHORELINE_TENANT } from "./shoreline";
import { FAIRFIELD_TENANT } from "./fairfield";
import { SHORELINE_TENANT } from "./shoreline";

/** The demo tenants, Fairfield first (it also owns the bare `localhost` hosts). */
export const DEMO_TENANTS = [FAIRFIELD_TENANT, SHORELINE_TENANT] as const;
