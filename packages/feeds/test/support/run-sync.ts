// Runs one sync of a feed in its own process (the crash test SIGKILLs it mid-run).
import { createPrismaClient } from "@real-estate/db";
import { syncFeed } from "../../src";

const [tenantId, feedId] = process.argv.slice(2);
const db = createPrismaClient({ url: process.env.DATABASE_URL!, poolSize: 2 });
const result = await syncFeed({ tenantId: tenantId!, feedId: feedId!, db, onPage: (p) => console.log(`page ${p.pages}`) });
console.log(JSON.stringify(result));
await db.$disconnect();
