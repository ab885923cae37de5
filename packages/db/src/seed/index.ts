export { seedDemoData, type SeedDemoDataOptions, type SeedDemoDataResult } from "./seed-demo-data";
export { isDemoDataSeeded } from "./is-demo-data-seeded";
export { DEMO_ACCOUNTS, demoAccount, type DemoAccount } from "./demo-credentials";
export { DEMO_TENANTS, FAIRFIELD_TENANT, SHORELINE_TENANT, type SeedTenant, type SeedTown } from "./data";
export { generateDemoListings, generateListing } from "./generate-listings";
export { upsertListings } from "./upsert-listings";
export { buildTownContent, buildNeighborhoodContent } from "./build-area-content";
export * from "./factories";
