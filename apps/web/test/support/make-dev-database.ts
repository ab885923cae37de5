// Creates a throw-away database with the web fixtures and prints its URL (for trying the app
// by hand: DATABASE_URL=<url> npx next start -p 3100). Drop it with `DROP DATABASE`.
import { createTestDatabase } from "@real-estate/db/testing";
import { createWebTenant, FAIRFIELD, SHORELINE } from "./web-fixtures";

const testDb = await createTestDatabase("webdev");
await createWebTenant(testDb.db, FAIRFIELD, { listingsPerTown: 14, extraHosts: ["localhost"] });
await createWebTenant(testDb.db, SHORELINE, { listingsPerTown: 14 });
await testDb.db.$disconnect();
console.log(testDb.url);
