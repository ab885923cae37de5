export { seedDemoData, type SeedDemoDataOptions, type SeedDemoDataResult } from "./seed/seed-demo-data";
export { isDemoDataSeeded } from "./seed/is-demo-data-seeded";
export { DEMO_ACCOUNTS, demoAccount, type DemoAccount } from "./seed/demo-credentials";
export { DEMO_TENANTS, FAIRFIELD_TENANT, SHORELINE_TENANT, type SeedTenant, type SeedTown } from "./data";
export { generateDemoListings, generateListing } from "./seed/generate-listings";
export { upsertListings } from "./seed/upsert-listings";
export { buildTownContent, buildNeighborhoodContent } from "./seed/build-area-content";
export * from "./factories";
export { ensureDemoAlertVisitor, DEMO_VISITOR, type EnsureDemoAlertVisitorResult } from "./seed/ensure-demo-alert-visitor";
